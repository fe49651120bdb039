package org.campusproctor.it;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In a real browser: each role logs in on the login page, lands on its own home, signs out; axe-core on each page. */
class HomePagesBrowserIT {

    @Test
    void everyRoleLandsOnItsHomeAndSignsOut() {
        Map<String, String> homes = Map.of("candidate", "/candidate/index.xhtml", "proctor", "/proctor/index.xhtml",
                "registrar", "/registrar/index.xhtml", "admin", "/admin/index.xhtml");
        try (Browser browser = Browser.open("homes")) {
            browser.go("/login.xhtml").checkPage("login");
            for (Map.Entry<String, String> home : homes.entrySet()) {
                browser.logIn(home.getKey(), "demo-" + home.getKey());
                assertEquals(home.getValue(), browser.path(), home.getKey());
                assertTrue(browser.find("#signed-in-user").getText().contains(home.getKey()));
                assertEquals("main", browser.find("main").getAttribute("id"));
                browser.checkPage(home.getKey() + "-home");
                browser.driver.findElement(By.id("sign-out:sign-out-button")).click();
                browser.waitFor(d -> d.getCurrentUrl().contains("/login.xhtml"), Duration.ofSeconds(20));
                browser.go(home.getValue());
                assertTrue(browser.path().endsWith("/login.xhtml"), "signed out: " + browser.path());
            }
        }
    }
}
