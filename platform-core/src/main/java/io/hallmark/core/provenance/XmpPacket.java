package io.hallmark.core.provenance;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The XMP packet (ISO 16684-1) every generated artifact carries, readable by exiftool, Adobe tools and any XMP
 * reader: IPTC's {@code Iptc4xmpExt:DigitalSourceType} = {@value ProvenanceManifest#TRAINED_ALGORITHMIC_MEDIA}
 * (the IPTC Photo Metadata way of saying "made by a trained model", which the EU AI Act's Art. 50 marking asks to
 * be machine readable), {@code xmp:CreatorTool}, {@code xmp:CreateDate}, {@code dc:format},
 * {@code xmpMM:InstanceID}, and {@code dcterms:provenance} pointing at the active C2PA manifest as the C2PA
 * specification recommends. Written with the JDK's StAX writer, so every value is escaped.
 */
public final class XmpPacket {

    static final String IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    private XmpPacket() {}

    /**
     * @param creatorTool what made it, e.g. {@code Hallmark 1.0 (hallmark-image 1.0.0, model mnist-gan)}
     * @param instanceId the C2PA claim's {@code instanceID}
     * @param manifestLabel the active C2PA manifest's label ({@code urn:c2pa:...})
     */
    public static byte[] of(ProvenanceManifest m, String creatorTool, String instanceId, String manifestLabel) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeProcessingInstruction("xpacket", "begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"");
            x.writeCharacters("\n");
            x.writeStartElement("x", "xmpmeta", "adobe:ns:meta/");
            x.writeNamespace("x", "adobe:ns:meta/");
            x.writeStartElement("rdf", "RDF", RDF);
            x.writeNamespace("rdf", RDF);
            x.writeStartElement("rdf", "Description", RDF);
            x.writeAttribute("rdf", RDF, "about", "");
            x.writeNamespace("Iptc4xmpExt", IPTC_EXT);
            x.writeNamespace("xmp", "http://ns.adobe.com/xap/1.0/");
            x.writeNamespace("xmpMM", "http://ns.adobe.com/xap/1.0/mm/");
            x.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
            x.writeNamespace("dcterms", "http://purl.org/dc/terms/");
            x.writeAttribute("Iptc4xmpExt", IPTC_EXT, "DigitalSourceType", ProvenanceManifest.TRAINED_ALGORITHMIC_MEDIA);
            x.writeAttribute("xmp", "http://ns.adobe.com/xap/1.0/", "CreatorTool", creatorTool);
            x.writeAttribute("xmp", "http://ns.adobe.com/xap/1.0/", "CreateDate", m.createdAt().toString());
            x.writeAttribute("dc", "http://purl.org/dc/elements/1.1/", "format", m.mediaType());
            x.writeAttribute("xmpMM", "http://ns.adobe.com/xap/1.0/mm/", "InstanceID", instanceId);
            x.writeAttribute("dcterms", "http://purl.org/dc/terms/", "provenance",
                    "self#jumbf=/c2pa/" + manifestLabel);
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeProcessingInstruction("xpacket", "end=\"r\"");
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the XMP packet: " + e.getMessage(), e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
