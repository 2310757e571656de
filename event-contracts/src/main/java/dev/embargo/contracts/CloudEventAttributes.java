package dev.embargo.contracts;

/**
 * The CloudEvents 1.0 attributes and how they travel on Kafka: binary content mode, each attribute
 * in a {@code ce_}-prefixed header, the payload as the record value and the subject as the record
 * key (CloudEvents Kafka protocol binding).
 */
public final class CloudEventAttributes {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_DATA_SCHEMA = "ce_dataschema";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    /**
     * URI prefix of every Embargo service's CloudEvents {@code source}, e.g. {@code
     * /embargo/intake}.
     */
    public static final String SOURCE_PREFIX = "/embargo/";

    private CloudEventAttributes() {}

    public static String sourceOf(String serviceName) {
        return SOURCE_PREFIX + serviceName;
    }
}
