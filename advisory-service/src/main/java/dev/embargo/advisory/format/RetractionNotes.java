package dev.embargo.advisory.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.embargo.advisory.domain.PublishedAdvisory;
import dev.embargo.advisory.domain.Retraction;

/**
 * Says in a rendered CSAF document or OSV record that its advisory was withdrawn or superseded, as
 * each standard does; a separate step after the writers, which render the content alike either way.
 */
public final class RetractionNotes {

    /** CSAF 2.1's note titles (§4.6/§4.7 profiles), used in our CSAF 2.0 documents alike. */
    static final String WITHDRAWAL_TITLE = "Reasoning for Withdrawal";

    static final String SUPERSESSION_TITLE = "Reasoning for Supersession";
    static final String SUCCESSOR_SUMMARY = "Superseding Document";

    private RetractionNotes() {}

    /**
     * CSAF 2.0 has no withdrawn status: the document stays {@code final} and, as CSAF 2.1's
     * withdrawn and superseded profiles require, says why in a {@code description} note and, when
     * superseded, names the successor in an {@code external} reference. The revision history
     * already has the version that takes it back.
     */
    public static ObjectNode csaf(ObjectNode csaf, PublishedAdvisory advisory) {
        Retraction retraction = advisory.retraction();
        if (retraction == null) {
            return csaf;
        }
        ObjectNode document = (ObjectNode) csaf.get("document");
        ArrayNode notes = document.withArrayProperty("notes");
        notes.addObject()
                .put("category", "description")
                .put("text", retraction.revisionSummary())
                .put(
                        "title",
                        retraction.kind() == Retraction.Kind.WITHDRAWN
                                ? WITHDRAWAL_TITLE
                                : SUPERSESSION_TITLE);
        if (retraction.kind() == Retraction.Kind.SUPERSEDED) {
            document.withArrayProperty("references")
                    .addObject()
                    .put("category", "external")
                    .put("summary", SUCCESSOR_SUMMARY + ": " + retraction.successorId())
                    .put("url", retraction.successorUrl());
        }
        return csaf;
    }

    /**
     * OSV marks an entry no longer valid with {@code withdrawn}; a superseded one also names its
     * successor in {@code related} and links its page.
     */
    public static ObjectNode osv(ObjectNode osv, PublishedAdvisory advisory) {
        Retraction retraction = advisory.retraction();
        if (retraction == null) {
            return osv;
        }
        osv.put("withdrawn", retraction.date().toString());
        if (retraction.kind() == Retraction.Kind.SUPERSEDED) {
            osv.withArrayProperty("related").add(OsvRecord.id(retraction.successorId()));
            osv.withArrayProperty("references")
                    .addObject()
                    .put("type", "ADVISORY")
                    .put("url", retraction.successorUrl());
        }
        return osv;
    }
}
