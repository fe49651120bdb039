package org.campusproctor.application;

import org.campusproctor.application.AttemptAccess.StaffScope;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one staff scoping rule, for every role, assigned proctor and purpose. */
class StaffScopeTest {

    @Test
    void aProctorSeesAndActsOnTheAttemptsAssignedToThemOnly() {
        for (boolean toAct : new boolean[]{false, true}) {
            StaffScope scope = StaffScope.of("pat", Set.of("proctor"), toAct);
            assertTrue(scope.covers("pat"));
            assertFalse(scope.covers("quinn"), "another proctor's attempt");
            assertFalse(scope.covers(null), "an attempt assigned to nobody");
        }
    }

    @Test
    void registrarsReadEveryAttemptAndActOnNone() {
        assertTrue(StaffScope.of("reg", Set.of("registrar"), false).covers("pat"));
        assertTrue(StaffScope.of("reg", Set.of("registrar"), false).covers(null));
        assertFalse(StaffScope.of("reg", Set.of("registrar"), true).covers("pat"));
        assertFalse(StaffScope.of("reg", Set.of("registrar"), true).covers("reg"));
    }

    @Test
    void aRegistrarWhoIsAlsoAProctorActsOnlyOnTheirOwn() {
        StaffScope act = StaffScope.of("both", Set.of("registrar", "proctor"), true);
        assertTrue(act.covers("both"));
        assertFalse(act.covers("pat"));
        assertTrue(StaffScope.of("both", Set.of("registrar", "proctor"), false).covers("pat"));
    }

    @Test
    void adminsSeeAndActOnEveryAttempt() {
        for (boolean toAct : new boolean[]{false, true}) {
            assertTrue(StaffScope.of("root", Set.of("admin"), toAct).covers("pat"));
            assertTrue(StaffScope.of("root", Set.of("admin"), toAct).covers(null));
        }
    }

    @Test
    void candidatesAndStrangersHaveNoStaffScope() {
        assertFalse(StaffScope.of("cand", Set.of("candidate"), false).covers("cand"));
        assertFalse(StaffScope.of("cand", Set.of("candidate"), false).covers(null));
        assertFalse(StaffScope.of(null, Set.of("proctor"), false).covers(null), "no username, no assigned attempts");
        assertFalse(StaffScope.of("x", Set.of(), false).covers("x"));
    }
}
