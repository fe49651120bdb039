package org.campusproctor.domain.identity;

/** The roles of the platform. Role names are the group names stored with each user and used by @RolesAllowed. */
public enum Role {
    CANDIDATE, PROCTOR, REGISTRAR, ADMIN;

    public static final String CANDIDATE_NAME = "candidate";
    public static final String PROCTOR_NAME = "proctor";
    public static final String REGISTRAR_NAME = "registrar";
    public static final String ADMIN_NAME = "admin";

    public String roleName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Role ofName(String name) {
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
