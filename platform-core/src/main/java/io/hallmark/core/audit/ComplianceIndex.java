package io.hallmark.core.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The export's {@code index.json}: which file and field of the bundle answers which requirement of the EU AI
 * Act (Regulation (EU) 2024/1689), ISO/IEC 42001:2023 Annex A and NIST AI 600-1 (the Generative AI profile of
 * the AI RMF). The mapping is Hallmark's reading, offered to help an auditor find evidence; it is not legal
 * advice and not a certification.
 */
final class ComplianceIndex {

    private ComplianceIndex() {}

    static Map<String, Object> build() {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("format", "hallmark-compliance-index/1");
        index.put("note", "Hallmark's reading of where each requirement finds evidence in this bundle; review it "
                + "with your compliance owner. Not legal advice, not a certification.");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("events.jsonl", "every audit event in the range: seq, eventTime, actor, eventType, subject, payload, "
                + "payloadSha256, leafHash");
        files.put("proofs.jsonl", "RFC 6962 inclusion proof of every exported event against checkpoint.txt");
        files.put("checkpoint.txt", "the latest signed checkpoint (C2SP tlog-checkpoint, Ed25519 signed note)");
        files.put("consistency.json", "consistency proof from the previous checkpoint to checkpoint.txt, if any");
        files.put("items.jsonl", "content items made in the range: input hash, plugin and model versions, parameters, "
                + "seed, governance report (verdicts with evidence ids), decision, policy version");
        files.put("policies.jsonl", "the governance policies in force (every version created before the range end)");
        files.put("platform.vkey", "the platform's Ed25519 public key (C2SP verifier key)");
        files.put("bundle.json", "the bundle manifest: SHA-256 of every file; signed in bundle.json.sig");
        files.put("summary.html", "human-readable summary with counts and a chart of events per day");
        index.put("files", files);
        index.put("fields", List.of(
                field("events.jsonl: seq, eventTime, eventType, actor, subject",
                        "automatic, timestamped record of every event over the system's lifetime",
                        List.of("Art. 12(1) record-keeping: automatic recording of events (logs)",
                                "Art. 12(2)(a)-(c) logs enabling identification of risk situations, post-market "
                                        + "monitoring and monitoring of operation"),
                        List.of("A.6.2.8 AI system recording of event logs", "A.6.2.6 AI system operation and monitoring"),
                        List.of("GOVERN 1.5 / MANAGE 4.1: ongoing monitoring and incident records",
                                "MEASURE 2.8: transparency and accountability (information integrity)")),
                field("events.jsonl: payloadSha256, leafHash; proofs.jsonl; checkpoint.txt; consistency.json",
                        "tamper evidence: every event is a Merkle leaf under an Ed25519-signed root",
                        List.of("Art. 12(1) logs over the lifetime of the system", "Art. 19(1) keeping of logs"),
                        List.of("A.6.2.8 AI system recording of event logs (integrity of logs)",
                                "A.7.5 data provenance"),
                        List.of("MEASURE 2.7: security and resilience", "GOVERN 1.6: inventory and traceability")),
                field("audit.retention.applied events; retention settings",
                        "logs kept at least six months; removal recorded and verifiable",
                        List.of("Art. 19(1) providers keep logs at least six months",
                                "Art. 26(6) deployers keep logs at least six months"),
                        List.of("A.6.2.8 AI system recording of event logs"),
                        List.of("GOVERN 1.7: decommissioning and data retention processes")),
                field("items.jsonl: inputSha256, plugin, model, parameters, seed",
                        "what produced each output: generator, model and its hash, settings",
                        List.of("Art. 12(2) logs relevant to identifying risks and monitoring operation",
                                "Art. 50(2) machine-readable marking (see provenance manifests)"),
                        List.of("A.7.5 data provenance", "A.6.2.7 AI system technical documentation"),
                        List.of("MAP 4.1 / GOVERN 6.1: third-party and model provenance",
                                "MEASURE 2.8: provenance data tracking")),
                field("items.jsonl: governance.decision, governance.report, governance.policySha256; policies.jsonl",
                        "each output's checks (claims, evidence ids, verdicts, bias, safety) and the decision under a "
                                + "versioned policy",
                        List.of("Art. 12(2) identification of risk situations", "Art. 14 human oversight (reviews)"),
                        List.of("A.6.2.4 AI system verification and validation", "A.9.2 processes for responsible use",
                                "A.5.2 AI system impact assessment process"),
                        List.of("MEASURE 2.5 / 2.6: validity, safety", "MEASURE 2.11: fairness and bias",
                                "MANAGE 2.2: mechanisms to supersede or deactivate")),
                field("events.jsonl: review.*, plugin.*, policy.*, user.*, login, audit.exported",
                        "who changed what: human review, plugins, policies, users and keys, logins, exports",
                        List.of("Art. 12(1)", "Art. 14 human oversight", "Art. 26(5) monitoring by deployers"),
                        List.of("A.3.2 AI roles and responsibilities", "A.6.2.6 AI system operation and monitoring"),
                        List.of("GOVERN 2.1: roles and responsibilities", "MANAGE 4.1: post-deployment monitoring")),
                field("provenance marks: signed manifests (PNG iTXt chunk, MP4 uuid box, .provenance.json sidecars); "
                        + "XMP with the IPTC digital source type and C2PA Content Credentials in PNG, JPEG and MP4",
                        "AI-generated content marked in a machine-readable, signed way; IPTC digital source type "
                                + "trainedAlgorithmicMedia",
                        List.of("Art. 50(2) marking of synthetic content in a machine-readable format",
                                "Art. 50(4) disclosure of generated text (disclosure line option)"),
                        List.of("A.7.5 data provenance", "A.8.2 system documentation and information for users"),
                        List.of("MEASURE 2.8 / MANAGE 4.1: content provenance, watermarking and disclosure"))));
        return index;
    }

    private static Map<String, Object> field(String field, String meaning, List<String> euAiAct, List<String> iso,
            List<String> nist) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("field", field);
        f.put("meaning", meaning);
        f.put("euAiAct", euAiAct);
        f.put("iso42001AnnexA", iso);
        f.put("nistAi600_1", nist);
        return f;
    }
}
