package org.campusproctor.infrastructure.media;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.campusproctor.contract.media.MediaStore;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Repairs what a crash left between the media store and its index: right after start (the marks of the run that died
 * are abandoned at once) and every ten minutes (marks older than an hour, from any node sharing the store, whose
 * transactions cannot still be running). A file whose row exists stays; a file without one is deleted.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AbandonedMediaSweep {

    private static final Logger LOG = Logger.getLogger(AbandonedMediaSweep.class.getName());
    private static final Duration OTHER_NODES_AFTER = Duration.ofHours(1);
    private static final long EVERY_MILLIS = Duration.ofMinutes(10).toMillis();

    @Resource
    private TimerService timers;

    @Inject
    private MediaStore store;

    @Inject
    private MediaIndex index;

    private volatile boolean running;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(1_000, EVERY_MILLIS, new TimerConfig("abandoned-media-sweep", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        if (running) {
            return;
        }
        running = true;
        try {
            int deleted = store.sweepAbandoned(OTHER_NODES_AFTER, index::has);
            if (deleted > 0) {
                LOG.info(() -> "Abandoned media sweep: " + deleted + " file(s) without an index entry removed");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Abandoned media sweep failed; retrying at the next one", e);
        } finally {
            running = false;
        }
    }
}
