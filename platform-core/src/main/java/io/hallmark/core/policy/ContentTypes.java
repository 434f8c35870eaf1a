package io.hallmark.core.policy;

import io.hallmark.governance.policy.ContentType;
import java.util.Map;

/** Reading the content type a stored governance report was judged as. */
final class ContentTypes {

    private ContentTypes() {}

    /**
     * The content type a report records ({@code contentType}, written since issue 18), {@link ContentType#GENERAL}
     * for reports written before content types existed.
     */
    static ContentType recorded(Map<String, Object> report) {
        Object recorded = report.get("contentType");
        return recorded == null ? ContentType.GENERAL : ContentType.parse(recorded.toString());
    }
}
