package org.exitbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FollowUpDraftReaderTest {

    @Test
    void readsTheQuestionWhileItIsStillBeingWritten() {
        String json = "{\"askFollowUp\": true, \"followUp\": \"What made the \\\"reorg\\\" hard\\u00e9";
        assertThat(FollowUpDraftReader.textSoFar(json)).isEqualTo("What made the \"reorg\" hard\u00e9");
        assertThat(FollowUpDraftReader.textSoFar(json + "?\", \"sentiment\": \"neg"))
                .isEqualTo("What made the \"reorg\" hard\u00e9?");
    }

    @Test
    void showsNothingUntilAFollowUpIsDecidedOrWhenNoneIs() {
        assertThat(FollowUpDraftReader.textSoFar("{\"askFollowUp\": tr")).isEmpty();
        assertThat(FollowUpDraftReader.textSoFar("{\"askFollowUp\": false, \"followUp\": \"\"")).isEmpty();
        assertThat(FollowUpDraftReader.textSoFar("{\"askFollowUp\":true,\"followUp\":\"Half an escape \\")).isEqualTo("Half an escape ");
        assertThat(FollowUpDraftReader.textSoFar("{\"askFollowUp\":true,\"followUp\":\"Partial \\u00")).isEqualTo("Partial ");
    }
}
