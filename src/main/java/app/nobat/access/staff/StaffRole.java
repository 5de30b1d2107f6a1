package app.nobat.access.staff;

/** What a staff member may do: desk work, supervision, administration (each includes the ones before). */
public enum StaffRole {
    DESK,
    SUPERVISOR,
    ADMIN;

    /** Followed by a centre id: the authority of an account limited to centres to act at that one. */
    public static final String CENTRE_AUTHORITY_PREFIX = "CENTRE_";

    public String authority() {
        return "ROLE_" + name();
    }
}
