package org.campusproctor.contract;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** This server: its name among the nodes (analyses, logs, the media store's marks) and this run of it. */
public final class ServerNode {

    /** The server's own name where it has one (WildFly requires it unique among nodes), else the host name. */
    public static final String NAME = name();

    /** Changes at every start: what an earlier run of this node left unfinished is known to be abandoned. */
    public static final String RUN = UUID.randomUUID().toString();

    private ServerNode() {
    }

    private static String name() {
        String server = System.getProperty("jboss.node.name");
        if (server != null) {
            return server;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
