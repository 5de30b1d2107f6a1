package app.nobat.access.staff;

/** What a staff member may do: desk work, supervision, administration (each includes the ones before). */
public enum StaffRole {
    DESK, SUPERVISOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
