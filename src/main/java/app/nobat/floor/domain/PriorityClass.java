package app.nobat.floor.domain;

/** Priority classes a visitor may declare at arrival. */
public enum PriorityClass {
    NONE,
    ELDERLY,
    DISABLED,
    PREGNANT,
    WITH_INFANT,
    MEDICAL_REFERRAL;

    public boolean isPriority() {
        return this != NONE;
    }
}
