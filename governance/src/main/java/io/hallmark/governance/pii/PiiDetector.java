package io.hallmark.governance.pii;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in text: e-mail addresses, phone numbers, IBANs (mod-97 checked), payment card numbers
 * (Luhn checked), IPv4 and IPv6 addresses, US Social Security numbers and UK National Insurance numbers. Where a
 * format has a check digit, candidates that fail it are not reported, which keeps order numbers and the like out.
 * Overlapping matches keep the longest.
 */
public final class PiiDetector {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}(?![\\w-])");
    /** Continuous digits, or groups of four (Amex 4-6-5) with one consistent separator. */
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])(?:\\d{13,19}|\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{1,7}"
            + "|\\d{4}([ -])\\d{6}\\2\\d{5})(?![\\d-])");
    /** Electronic form, or print form in groups of four separated by single spaces. */
    private static final Pattern IBAN = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?:[A-Z0-9]{11,30}| (?:[A-Z0-9]{4} ){2,7}[A-Z0-9]{1,4})(?![A-Za-z0-9]|\\.\\d)");
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\d.])");
    private static final Pattern IPV6 = Pattern.compile("(?<![0-9A-Fa-f:])[0-9A-Fa-f:]{2,39}(?![0-9A-Fa-f:])");
    private static final Pattern SSN = Pattern.compile("(?<!\\d)(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?!\\d)");
    private static final Pattern NINO = Pattern.compile(
            "(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D](?![A-Za-z0-9])");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{2,4}(?:[ .-]\\d{2,4}){1,4}(?![\\w]|\\.\\d)");

    /** Every finding, in text order, without overlaps. */
    public List<PiiFinding> find(String text) {
        List<PiiFinding> all = new ArrayList<>();
        collect(text, EMAIL, PiiType.EMAIL, all, s -> true);
        collect(text, IBAN, PiiType.IBAN, all, PiiDetector::validIban);
        collect(text, CARD, PiiType.PAYMENT_CARD, all, PiiDetector::luhn);
        collect(text, SSN, PiiType.US_SSN, all, s -> true);
        collect(text, NINO, PiiType.UK_NINO, all, s -> true);
        collect(text, IPV4, PiiType.IP_ADDRESS, all, s -> true);
        collect(text, IPV6, PiiType.IP_ADDRESS, all, PiiDetector::validIpv6);
        collect(text, PHONE, PiiType.PHONE, all, PiiDetector::plausiblePhone);
        // longest first; among equals a specific format (SSN, card, ...) beats the loose phone pattern
        all.sort(Comparator.comparingInt((PiiFinding f) -> f.end() - f.start()).reversed()
                .thenComparingInt(f -> f.type() == PiiType.PHONE ? 1 : 0));
        List<PiiFinding> kept = new ArrayList<>();
        for (PiiFinding f : all) {
            if (kept.stream().noneMatch(f::overlaps)) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(PiiFinding::start));
        return kept;
    }

    private static void collect(String text, Pattern pattern, PiiType type, List<PiiFinding> out,
            java.util.function.Predicate<String> valid) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (valid.test(m.group())) {
                out.add(new PiiFinding(type, m.start(), m.end(), m.group()));
            }
        }
    }

    /** The Luhn check over the digits of {@code candidate}. */
    static boolean luhn(String candidate) {
        String digits = candidate.replaceAll("[ -]", "");
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** The ISO 13616 mod-97 check. */
    static boolean validIban(String candidate) {
        String iban = candidate.replace(" ", "");
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** RFC 4291 text form: eight groups of 1-4 hex digits, or fewer with one {@code ::}; no DNS involved. */
    static boolean validIpv6(String candidate) {
        if (candidate.chars().filter(c -> c == ':').count() < 2 || candidate.indexOf("::") != candidate.lastIndexOf("::")
                || candidate.contains(":::")) {
            return false;
        }
        boolean compressed = candidate.contains("::");
        String[] halves = compressed ? candidate.split("::", -1) : new String[] {candidate};
        int groups = 0;
        for (String half : halves) {
            if (half.isEmpty()) {
                continue;
            }
            for (String group : half.split(":", -1)) {
                if (group.isEmpty() || group.length() > 4) {
                    return false;
                }
                groups++;
            }
        }
        return compressed ? groups < 8 && (groups >= 2 || candidate.length() > 2) : groups == 8;
    }

    /** 7 to 15 digits, and not a date or a plain year range. */
    private static boolean plausiblePhone(String candidate) {
        String digits = candidate.replaceAll("\\D", "");
        if (digits.length() < 7 || digits.length() > 15) {
            return false;
        }
        return !candidate.matches("\\d{4}[-.]\\d{2}[-.]\\d{2}") && !candidate.matches("\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}");
    }
}
