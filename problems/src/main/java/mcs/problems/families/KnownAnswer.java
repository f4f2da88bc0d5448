package mcs.problems.families;

import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;

/**
 * What a family knows about the answer of an instance it generated.
 *
 * @param verdict COMPLETABLE / NOT_COMPLETABLE for MC1, SOLVED for MC2 and for permanent-style
 *     families with a closed form, UNKNOWN when the family does not know
 * @param value the exact permanent or hafnian (canonical rational text) for closed-form families, else null
 * @param certificate a planted certificate (a completion for YES, the witness W for NO, the trivial
 *     answer A for MC2) in SPEC §2 form with 0-based indices, else null
 * @param why a short human-readable justification of the answer
 */
public record KnownAnswer(Verdict verdict, String value, Body certificate, String why) {
    /**
     * The planted certificate as a SPEC §3.2 document for the instance file with this SHA-256: a completion
     * for COMPLETABLE, a witness for NOT_COMPLETABLE, an MC2 answer for SOLVED; null when nothing is planted.
     */
    public Certificate plantedCertificate(String sha) {
        if (certificate == null) return null;
        return switch (verdict) {
            case COMPLETABLE -> Certificate.completion(sha, certificate);
            case NOT_COMPLETABLE -> Certificate.witness(sha, certificate);
            case SOLVED -> Certificate.squaring(sha, certificate);
            case UNKNOWN -> null;
        };
    }

    static KnownAnswer unknown(String why) {
        return new KnownAnswer(Verdict.UNKNOWN, null, null, why);
    }

    static KnownAnswer exactValue(String value, String why) {
        return new KnownAnswer(Verdict.SOLVED, value, null, why);
    }
}
