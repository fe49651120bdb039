package org.campusproctor.domain.identity;

/** Fired (observed after commit) when an administrator disables an account: its sessions and sockets must end. */
public record AccountDisabled(String username) {
}
