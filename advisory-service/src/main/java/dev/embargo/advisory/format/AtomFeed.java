package dev.embargo.advisory.format;

import dev.embargo.advisory.domain.PublishedAdvisory;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A program's published advisories as an Atom feed (RFC 4287), newest first. */
public final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Pattern NOT_XML =
            Pattern.compile(
                    "[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private final PublicLinks links;

    public AtomFeed(PublicLinks links) {
        this.links = links;
    }

    public String render(
            String programSlug, String programName, List<PublishedAdvisory> published) {
        List<PublishedAdvisory> newestFirst =
                published.stream()
                        .sorted(
                                Comparator.comparing(PublishedAdvisory::currentReleaseDate)
                                        .reversed())
                        .toList();
        Instant updated =
                newestFirst.isEmpty() ? Instant.EPOCH : newestFirst.getFirst().currentReleaseDate();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", links.programFeed(programSlug));
            element(xml, "title", programName + " security advisories");
            element(xml, "updated", updated.toString());
            link(xml, "self", links.programFeed(programSlug));
            for (PublishedAdvisory advisory : newestFirst) {
                xml.writeStartElement("entry");
                element(xml, "id", links.page(advisory.publicId()));
                element(xml, "title", advisory.publicId() + ": " + advisory.listedTitle());
                element(xml, "published", advisory.initialReleaseDate().toString());
                element(xml, "updated", advisory.currentReleaseDate().toString());
                link(xml, "alternate", links.page(advisory.publicId()));
                if (advisory.hasVexStatements()) {
                    // Its VEX statements as CycloneDX, which CSAF's own listings cannot carry.
                    link(xml, "related", links.cycloneDxVex(advisory.publicId()));
                    xml.writeAttribute("type", "application/vnd.cyclonedx+json");
                    xml.writeAttribute("title", "CycloneDX VEX");
                }
                xml.writeStartElement("author");
                element(xml, "name", programName);
                xml.writeEndElement();
                element(xml, "summary", advisory.listedSummary());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Atom feeds always serialize", e);
        }
        return out.toString();
    }

    /**
     * The writer escapes markup but passes on characters XML 1.0 forbids (most C0 controls), which
     * would leave the whole feed unreadable; those are dropped.
     */
    private static void element(XMLStreamWriter xml, String name, String text)
            throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(NOT_XML.matcher(text).replaceAll(""));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href)
            throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }
}
