package dev.embargo.notify.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PreAdvisoryTextTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theEmailShowsTheFieldsInReadingOrderAndEndsWithTheDistributionLine() {
        ObjectNode data = json.createObjectNode();
        data.put(
                "distribution",
                "TLP:AMBER. Prepared for Broker only. Copy reference WM-ABCDEFGHJK.");
        data.put(
                "description",
                "A wildcard after a negation reads topics beyond the role, in every release since"
                        + " 2.0.");
        data.put("title", "Selector bypass");
        data.put("advisory", "EMB-2026-0001");
        data.putArray("affected").addObject().put("product", "moqtail").put("versions", "< 2.4.1");
        data.putNull("cveId");
        data.put("cweId", "");

        String text = PreAdvisoryText.of(data, json);

        assertThat(text)
                .startsWith("Advisory: EMB-2026-0001\nTitle: Selector bypass\n")
                .contains("Description:\nA wildcard after a negation", "\"product\" : \"moqtail\"")
                .endsWith("Copy reference WM-ABCDEFGHJK.")
                .doesNotContain("CVE", "CWE");
        assertThat(text.indexOf("Description")).isLessThan(text.indexOf("Affected"));
    }
}
