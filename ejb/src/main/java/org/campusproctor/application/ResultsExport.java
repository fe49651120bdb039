package org.campusproctor.application;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.attempt.ExamAttempt;
import org.campusproctor.domain.exam.Exam;
import org.campusproctor.domain.job.JobFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one exam as a CSV and a PDF: per attempt the candidate, state, score, percent, outcome, review
 * decision and reviewer, risk score and incident counts (all, and those not dismissed). Written as two job files of
 * the export job's instance; only the results-export job calls this, for the registrar who started it.
 */
@Stateless
public class ResultsExport {

    public static final List<String> COLUMNS = List.of("candidate", "attempt", "status", "score", "maxScore", "percent",
            "outcome", "reviewStatus", "reviewDecision", "reviewedBy", "riskScore", "incidents", "openIncidents");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JobFileStore files;

    @Inject
    private AuditLog audit;

    /** One attempt's line. */
    public record Line(List<String> values) {
    }

    /** Writes the CSV and the PDF; returns how many attempts they list. */
    public int export(String examId, long jobInstanceId, String actor) {
        Exam exam = em.find(Exam.class, examId);
        if (exam == null) {
            throw new NotFoundException("Exam", examId);
        }
        List<ExamAttempt> attempts = em.createQuery(
                "SELECT a FROM ExamAttempt a WHERE a.examId = :examId ORDER BY a.candidate", ExamAttempt.class)
                .setParameter("examId", examId).getResultList();
        Map<String, long[]> incidents = new HashMap<>();
        String byAttempt = """
                SELECT i.attemptId, COUNT(i) FROM Incident i
                WHERE i.attemptId IN (SELECT a.id FROM ExamAttempt a WHERE a.examId = :examId) AND i.dismissed IN :dismissed
                GROUP BY i.attemptId""";
        for (int open = 0; open < 2; open++) {
            for (Object[] row : em.createQuery(byAttempt, Object[].class).setParameter("examId", examId)
                    .setParameter("dismissed", open == 0 ? List.of(true, false) : List.of(false)).getResultList()) {
                incidents.computeIfAbsent((String) row[0], k -> new long[2])[open] = ((Number) row[1]).longValue();
            }
        }
        List<List<String>> lines = attempts.stream().map(a -> line(a, exam, incidents.getOrDefault(a.id(), new long[2])))
                .toList();
        String base = "results-" + examId;
        files.write(JobFile.Purpose.EXPORT, base + ".csv", "text/csv", csv(lines), actor, jobInstanceId);
        files.write(JobFile.Purpose.EXPORT, base + ".pdf", "application/pdf", pdf(exam, lines), actor, jobInstanceId);
        audit.recordAs(actor, "RESULTS_EXPORTED", "exam", examId, lines.size() + " attempt(s), job instance " + jobInstanceId);
        return lines.size();
    }

    private static List<String> line(ExamAttempt a, Exam exam, long[] incidentCounts) {
        return List.of(a.candidate(), a.id(), a.status().name(), text(a.score()), text(a.maxScore()),
                a.score() == null ? "" : a.percent().toPlainString(), a.outcome(exam.passingScore()).name(),
                a.reviewStatus() == null ? "" : a.reviewStatus().name(),
                a.reviewDecision() == null ? "" : a.reviewDecision().name(),
                a.reviewedBy() == null ? "" : a.reviewedBy(), Integer.toString(a.riskScore()),
                Long.toString(incidentCounts[0]), Long.toString(incidentCounts[1]));
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    static byte[] csv(List<List<String>> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Values starting with = + - @ are quoted text to a spreadsheet only with a leading apostrophe: candidates
        // choose no value here but their username, which cannot start so; scores are numbers.
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (List<String> line : lines) {
                printer.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] pdf(Exam exam, List<List<String>> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 24, 24, 24, 24);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Results: " + exam.title());
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
            Font small = FontFactory.getFont(FontFactory.HELVETICA, 7);
            Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7);
            document.add(new Paragraph("Results: " + exam.title(), title));
            document.add(new Paragraph("Exam " + exam.id() + ", passing score " + exam.passingScore().toPlainString()
                    + "%, " + lines.size() + " attempt(s), exported " + Instant.now(), small));
            document.add(new Paragraph(" ", small));
            PdfPTable table = new PdfPTable(COLUMNS.size());
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String c : COLUMNS) {
                table.addCell(new PdfPCell(new Phrase(c, head)));
            }
            for (List<String> line : lines) {
                for (String v : line) {
                    PdfPCell cell = new PdfPCell(new Phrase(v, small));
                    cell.setHorizontalAlignment(Element.ALIGN_LEFT);
                    table.addCell(cell);
                }
            }
            document.add(table);
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF not written: " + e.getMessage(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }
}
