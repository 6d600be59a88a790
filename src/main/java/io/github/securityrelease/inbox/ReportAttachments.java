package io.github.securityrelease.inbox;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The files mailed reports came with ({@code report_attachment}, V11), numbered from 1 per case. */
@Repository
class ReportAttachments {

  /** What the team sees of a file before downloading it. */
  record Listed(int n, String fileName, String contentType, long size, String sha256) {}

  /** A file to download: its name and bytes. */
  record Download(String fileName, byte[] content) {}

  private final JdbcTemplate jdbc;

  ReportAttachments(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** In the caller's transaction: the case's, so that a case rolled back keeps no file. */
  void store(String caseId, List<Attachment> attachments) {
    for (int n = 1; n <= attachments.size(); n++) {
      Attachment attachment = attachments.get(n - 1);
      jdbc.update("insert into report_attachment (case_id, attachment_no, file_name, content_type, byte_size, sha256, "
              + "content) values (?, ?, ?, ?, ?, ?, ?)", caseId, n, attachment.fileName(), attachment.contentType(),
          attachment.size(), attachment.sha256(), attachment.content());
    }
  }

  List<Listed> list(String caseId) {
    return jdbc.query("select attachment_no, file_name, content_type, byte_size, sha256 from report_attachment "
            + "where case_id = ? order by attachment_no",
        (row, i) -> new Listed(row.getInt(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5)),
        caseId);
  }

  Optional<Download> find(String caseId, int n) {
    return jdbc.query("select file_name, content from report_attachment where case_id = ? and attachment_no = ?",
        (row, i) -> new Download(row.getString(1), row.getBytes(2)), caseId, n).stream().findFirst();
  }
}
