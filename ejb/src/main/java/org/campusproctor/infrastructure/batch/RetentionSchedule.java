package org.campusproctor.infrastructure.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.application.AuditLog;
import org.campusproctor.application.BatchJobs;
import org.campusproctor.contract.settings.Settings;
import org.campusproctor.domain.job.ScheduledRun;

import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the media-retention job every day at {@code campusproctor.retention.daily-at} (server time; empty: never by
 * itself), with each exam's own retention period and the default for the others. A run still going from the day
 * before is left alone. The timer is not persistent: a server that was down at that time runs it the next day. With
 * several nodes every node's timer fires, and the one that claims the day ({@link ScheduledRun#CLAIM}, a conditional
 * update in the database) starts the run; the others skip it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());
    static final String ACTOR = "retention-schedule";

    @Resource
    private TimerService timers;

    @Inject
    private AuditLog audit;

    @PersistenceContext
    private EntityManager em;

    @PostConstruct
    void schedule() {
        String at = Settings.RETENTION_DAILY_AT.value();
        if (at.isEmpty()) {
            LOG.info("Media retention runs only when started by hand (campusproctor.retention.daily-at is empty)");
            return;
        }
        String[] hm = at.split(":");
        timers.createCalendarTimer(new ScheduleExpression().hour(Integer.parseInt(hm[0])).minute(Integer.parseInt(hm[1])),
                new TimerConfig("media-retention-daily", false));
        LOG.info(() -> "Media retention runs daily at " + at);
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void run() {
        try {
            if (em.createNamedQuery(ScheduledRun.CLAIM).setParameter("name", ScheduledRun.MEDIA_RETENTION_DAILY)
                    .setParameter("day", LocalDate.now()).executeUpdate() == 0) {
                LOG.info("Media retention: today's run was started by another node");
                return;
            }
            if (running()) {
                LOG.warning("Media retention: yesterday's run is still going; today's is skipped");
                return;
            }
            Properties parameters = new Properties();
            parameters.setProperty("dryRun", "false");
            parameters.setProperty("startedBy", ACTOR);
            long id = BatchRuntime.getJobOperator().start(BatchJobs.MEDIA_RETENTION, parameters);
            audit.recordAs(ACTOR, "BATCH_JOB_STARTED", "job", BatchJobs.MEDIA_RETENTION, "execution " + id + " (daily)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Media retention not started by the schedule; tried again tomorrow", e);
        }
    }

    private static boolean running() {
        try {
            List<JobInstance> last = BatchRuntime.getJobOperator().getJobInstances(BatchJobs.MEDIA_RETENTION, 0, 1);
            for (JobInstance instance : last) {
                for (JobExecution e : BatchRuntime.getJobOperator().getJobExecutions(instance)) {
                    if (e.getBatchStatus() == BatchStatus.STARTED || e.getBatchStatus() == BatchStatus.STARTING) {
                        return true;
                    }
                }
            }
        } catch (jakarta.batch.operations.NoSuchJobException e) {
            return false;
        }
        return false;
    }
}
