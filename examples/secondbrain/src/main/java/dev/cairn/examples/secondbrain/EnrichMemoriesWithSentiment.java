package dev.cairn.examples.secondbrain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.Migration;
import dev.cairn.runtime.Checks;
import dev.cairn.runtime.Database;
import dev.cairn.runtime.data.Batches;
import dev.cairn.runtime.data.DataMigration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The seed's {@code enrich_sentiment_001}, "Analyzes and adds sentiment scores to existing
 * memories": each memory whose metadata has no {@code sentiment} gets one,
 * {@code {"score", "magnitude", "analyzed_at", "analyzer"}}, in batches keyed by id, each committed
 * with its checkpoint, so an interrupted run resumes where it stopped. The seed's
 * {@code LIMIT 10000} per call becomes the batch size, which a run may override (the API's
 * {@code batch_size}).
 *
 * <p>A memory whose metadata is not a JSON object stops the run naming it (the default policy):
 * its sentiment has nowhere to go, and a person should decide what that metadata was meant to be.
 * Rolling back removes the sentiments this migration wrote, known by their {@code analyzer}, and
 * leaves those a memory had before it ran.
 */
@Migration(version = "4", dependsOn = "2", description = "Add sentiment analysis to memories")
final class EnrichMemoriesWithSentiment extends DataMigration {

    /** Marks the sentiments this migration wrote, so that its rollback removes those and no other. */
    static final String ANALYZER = "secondbrain-lexicon-1";

    private static final int BATCH_ROWS = 1_000;

    @Override
    protected Batches forward(Database database) {
        return Batches.from("memories")
                .select("id", "content", "metadata")
                .where("metadata ->> 'sentiment' IS NULL")
                .key("id")
                .size(BATCH_ROWS)
                .each((row, batch) -> {
                    JsonNode metadata = row.json("metadata");
                    if (!metadata.isObject()) {
                        throw new IllegalArgumentException("its metadata is a JSON "
                                + metadata.getNodeType().name().toLowerCase(Locale.ROOT)
                                + ", not an object, so its sentiment has no place to go; make the metadata an object");
                    }
                    batch.update("UPDATE memories SET metadata = jsonb_set(metadata, '{sentiment}', CAST(? AS jsonb)) WHERE id = ?")
                            .add(batch.json(sentiment(Sentiment.of(row.string("content")))), row.get("id"));
                });
    }

    private static Map<String, Object> sentiment(Sentiment sentiment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("score", sentiment.score());
        json.put("magnitude", sentiment.magnitude());
        json.put("analyzed_at", Instant.now().toString());
        json.put("analyzer", ANALYZER);
        return json;
    }

    @Override
    protected Batches backward(Database database) {
        return Batches.from("memories")
                .select("id")
                .where("metadata -> 'sentiment' ->> 'analyzer' = '" + ANALYZER + "'")
                .key("id")
                .size(BATCH_ROWS)
                .each((row, batch) -> batch.update("UPDATE memories SET metadata = metadata - 'sentiment' WHERE id = ?")
                        .add(row.get("id")));
    }

    /** The seed's post-condition: no memory is left without a sentiment. */
    @Override
    public void postconditions(Checks checks) throws Exception {
        checks.none("every memory has a sentiment", "SELECT id FROM memories WHERE metadata ->> 'sentiment' IS NULL");
    }
}
