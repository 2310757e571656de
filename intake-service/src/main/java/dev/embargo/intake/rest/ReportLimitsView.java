package dev.embargo.intake.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a report and a message may hold, as intake checks them: forms check the same before sending,
 * without a copy of the rules of their own.
 *
 * @param report the rules of each field of a report, by its name in the request
 * @param message the rules of a message to the security team
 * @param maxFormFieldBytes the largest text part of a multipart upload (the report's JSON, a
 *     message's text), in UTF-8 bytes
 * @param maxRequestBytes the largest multipart upload, files and form together
 * @param attachments the files a report and its messages may carry
 */
public record ReportLimitsView(
        Map<String, FieldRule> report,
        Map<String, FieldRule> message,
        long maxFormFieldBytes,
        long maxRequestBytes,
        AttachmentLimits attachments) {

    /**
     * The checks on one field.
     *
     * @param required present and not blank
     * @param maxLength in characters (UTF-16 code units, as Java and JavaScript count them)
     * @param pattern a regular expression the whole value must match (valid in Java and JavaScript)
     * @param patternMessage what the API answers for a value that does not match
     * @param format {@code email} for an email address
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldRule(
            boolean required,
            Integer maxLength,
            String pattern,
            String patternMessage,
            String format) {}

    /**
     * @param maxFileSize largest file, in bytes (an empty file is refused too)
     * @param maxFilesPerUpload most files in one report or one message
     * @param maxFilesPerReport most files one report gathers over its whole conversation
     * @param acceptedTypes the types a file's content may be (judged by the content, never by the
     *     name)
     */
    public record AttachmentLimits(
            long maxFileSize,
            int maxFilesPerUpload,
            int maxFilesPerReport,
            List<String> acceptedTypes) {}
}
