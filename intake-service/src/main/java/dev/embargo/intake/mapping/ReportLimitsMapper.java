package dev.embargo.intake.mapping;

import dev.embargo.intake.config.IntakeConfig;
import dev.embargo.intake.domain.AttachmentType;
import dev.embargo.intake.rest.ReportLimitsView;
import dev.embargo.intake.rest.ReportLimitsView.AttachmentLimits;
import dev.embargo.intake.rest.ReportLimitsView.FieldRule;
import dev.embargo.intake.rest.ReporterMessageRequest;
import dev.embargo.intake.rest.SubmitReportRequest;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits forms check before sending, read from the request records' own constraints and from
 * the configuration: the one place they are written stays the one place they are kept.
 */
@ApplicationScoped
public class ReportLimitsMapper {

    private final ReportLimitsView limits;

    ReportLimitsMapper(
            Validator validator,
            IntakeConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-form-attribute-size")
                    MemorySize formField,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize request) {
        IntakeConfig.Attachments files = config.attachments();
        this.limits =
                new ReportLimitsView(
                        rulesOf(validator, SubmitReportRequest.class),
                        rulesOf(validator, ReporterMessageRequest.class),
                        formField.asLongValue(),
                        request.asLongValue(),
                        new AttachmentLimits(
                                files.maxFileSize().asLongValue(),
                                files.maxFilesPerUpload(),
                                files.maxFilesPerReport(),
                                Arrays.stream(AttachmentType.values())
                                        .map(AttachmentType::mediaType)
                                        .toList()));
    }

    public ReportLimitsView limits() {
        return limits;
    }

    /**
     * The checks bean validation makes on each component of a request record, in the record's
     * order.
     */
    public static Map<String, FieldRule> rulesOf(
            Validator validator, Class<? extends Record> type) {
        Map<String, FieldRule> rules = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            PropertyDescriptor property =
                    validator
                            .getConstraintsForClass(type)
                            .getConstraintsForProperty(component.getName());
            if (property != null) {
                rules.put(component.getName(), ruleOf(property));
            }
        }
        return Collections.unmodifiableMap(rules);
    }

    private static FieldRule ruleOf(PropertyDescriptor property) {
        boolean required = false;
        Integer maxLength = null;
        String pattern = null;
        String patternMessage = null;
        String format = null;
        for (ConstraintDescriptor<?> constraint : property.getConstraintDescriptors()) {
            switch (constraint.getAnnotation()) {
                case NotBlank ignored -> required = true;
                case NotNull ignored -> required = true;
                case Size size -> maxLength = size.max();
                case Pattern regexp -> {
                    pattern = regexp.regexp();
                    patternMessage = regexp.message();
                }
                case Email ignored -> format = "email";
                default -> {
                    // Other constraints have no counterpart a form checks.
                }
            }
        }
        return new FieldRule(required, maxLength, pattern, patternMessage, format);
    }
}
