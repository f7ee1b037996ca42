package dev.microshop.user.application.signingkey;

import dev.microshop.user.domain.signingkey.SigningKey;
import java.util.HashMap;
import java.util.Map;

/**
 * What a rotation did: the key that signs from now on, the key it replaced ({@code null} for the very first key) and
 * how many long-retired keys it forgot.
 */
public record SigningKeyRotation(SigningKey active, String retiredKid, int prunedKeys) {

    /** The rotation as the data of its audit event. */
    public Map<String, Object> auditData() {
        Map<String, Object> data = new HashMap<>();
        data.put("kid", active.kid());
        if (retiredKid != null) {
            data.put("retiredKid", retiredKid);
        }
        data.put("prunedKeys", prunedKeys);
        return data;
    }
}
