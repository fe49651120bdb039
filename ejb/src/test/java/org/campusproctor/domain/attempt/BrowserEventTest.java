package org.campusproctor.domain.attempt;

import org.campusproctor.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The server's catalogue of browser events decides their severity; anything else is refused. */
class BrowserEventTest {

    @Test
    void catalogueDecidesTheSeverity() {
        assertEquals(Severity.HIGH, BrowserEvent.named("DEVTOOLS_SUSPECTED").severity());
        assertEquals(Severity.MEDIUM, BrowserEvent.named(" tab_hidden ").severity());
        assertEquals(Severity.LOW, BrowserEvent.named("COPY").severity());
        assertEquals(BrowserEvent.MULTIPLE_DISPLAYS, BrowserEvent.named("MULTIPLE_DISPLAYS"));
    }

    @Test
    void unknownMissingAndOverlongTypesAreRefused() {
        for (String type : new String[]{"MADE_UP", "", " ", null, "A".repeat(5000), "TAB HIDDEN", "SECOND_PERSON"}) {
            assertThrows(InvalidInputException.class, () -> BrowserEvent.named(type), String.valueOf(type));
        }
    }
}
