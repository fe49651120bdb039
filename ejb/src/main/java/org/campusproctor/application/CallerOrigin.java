package org.campusproctor.application;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request came from (client address), filled by the web tier's filter and read by the audit log.
 * Requests without HTTP (JMS, timers) leave it empty.
 */
@RequestScoped
public class CallerOrigin {

    private String address;

    public String address() {
        return address;
    }

    public void address(String address) {
        this.address = address;
    }
}
