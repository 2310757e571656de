package dev.embargo.deploy;

import java.util.List;

/** The value sets every rule is checked against: the defaults and realistic installations. */
final class ValueSets {

    private static List<RenderedChart> rendered;

    private ValueSets() {}

    /** Rendered once per test run: each rendering costs Helm about a second. */
    static synchronized List<RenderedChart> all() {
        if (rendered == null) {
            rendered =
                    List.of(
                            RenderedChart.render(null),
                            RenderedChart.render("production"),
                            RenderedChart.render("operators"),
                            RenderedChart.render("minimal"),
                            RenderedChart.renderExample("values-production"));
        }
        return rendered;
    }
}
