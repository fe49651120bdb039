package org.campusproctor.application;

import org.campusproctor.contract.settings.Settings;

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

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sweeps for attempts past their deadline every {@code campusproctor.deadline.sweep-seconds} (default 5). The state
 * lives in the database (the deadline column), not in the timer, so a non-persistent timer recreated at every start
 * is enough: after a restart or on another node the next sweep finds whatever expired meanwhile. Expiry is therefore
 * at most one sweep interval late; answers arriving after the deadline are refused regardless. The same sweep looks
 * for running attempts whose required webcam stopped sending ({@link WebcamSilence}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeadlineSweep {

    private static final Logger LOG = Logger.getLogger(DeadlineSweep.class.getName());

    @Resource
    private TimerService timers;

    @Inject
    private AttemptExpiry expiry;

    @Inject
    private WebcamSilence silence;

    private volatile boolean running;

    @PostConstruct
    void schedule() {
        long seconds = Settings.DEADLINE_SWEEP_SECONDS.value();
        timers.createIntervalTimer(seconds * 1000, seconds * 1000, new TimerConfig("deadline-sweep", false));
        LOG.info(() -> "Deadline sweep every " + seconds + " s");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        if (running) {
            return; // the previous sweep is still busy
        }
        running = true;
        try {
            for (String attemptId : expiry.overdue(Instant.now())) {
                try {
                    if (expiry.expireIfOverdue(attemptId)) {
                        LOG.info(() -> "Attempt " + attemptId + " expired at its deadline");
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not expire attempt " + attemptId + "; retrying next sweep", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Deadline sweep failed; retrying next sweep", e);
        }
        try {
            for (WebcamSilence.Silence silent : silence.silent(Instant.now())) {
                try {
                    if (silence.raiseIfStillSilent(silent)) {
                        LOG.info(() -> "Attempt " + silent.attemptId() + ": the required webcam stopped sending");
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not report the silent webcam of attempt " + silent.attemptId(), e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webcam silence check failed; retrying next sweep", e);
        } finally {
            running = false;
        }
    }
}
