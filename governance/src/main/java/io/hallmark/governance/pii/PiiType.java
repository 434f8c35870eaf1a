package io.hallmark.governance.pii;

/** Kinds of personal data the detector finds. */
public enum PiiType {
    EMAIL,
    PHONE,
    /** International bank account number, with a valid mod-97 check. */
    IBAN,
    /** Payment card number (13-19 digits) with a valid Luhn check digit. */
    PAYMENT_CARD,
    IP_ADDRESS,
    /** US Social Security number. */
    US_SSN,
    /** UK National Insurance number. */
    UK_NINO
}
