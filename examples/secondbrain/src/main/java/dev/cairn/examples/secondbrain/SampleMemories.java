package dev.cairn.examples.secondbrain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;

/**
 * Fills the memories table with notes of each kind Second Brain keeps (how-tos, events, facts),
 * some with words that carry a sentiment and some with metadata of their own: the same notes for
 * the same count, so that runs compare.
 */
public final class SampleMemories {

    private static final List<String> PROCEDURES = List.of(
            "How to rotate the API keys: step 1 revoke the old key, step 2 deploy the new one",
            "How to restore a backup: stop the service, then run pg_restore; it is slow but not bad",
            "Step 3 of the release checklist: tag the commit, a great habit");
    private static final List<String> EVENTS = List.of(
            "Yesterday I met Ana about the roadmap, a wonderful conversation",
            "This morning the deploy failed and the rollback was frustrating",
            "Last week we shipped the search page; everyone was happy",
            "On Friday the build was broken for hours and I was tired");
    private static final List<String> FACTS = List.of(
            "PostgreSQL has transactional DDL, which is excellent for migrations",
            "The gruvbox light theme is calm and good for reading",
            "Sentiment magnitude adds up the strength of every emotional word",
            "Keyset pagination never uses OFFSET");
    private static final List<List<String>> KINDS = List.of(PROCEDURES, EVENTS, FACTS);
    private static final List<String> METADATA = List.of(
            "{}", "{\"source\": \"notes\"}", "{\"source\": \"chat\", \"tags\": [\"work\"]}", "{\"pinned\": true}");
    private static final int BATCH = 1_000;

    private SampleMemories() {
    }

    /** Inserts {@code count} memories and commits. */
    public static void insert(Connection connection, int count) throws SQLException {
        Random random = new Random(count);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO memories (content, metadata) VALUES (?, CAST(? AS jsonb))")) {
            for (int n = 1; n <= count; n++) {
                List<String> kind = KINDS.get(random.nextInt(KINDS.size()));
                insert.setString(1, kind.get(random.nextInt(kind.size())) + " (note " + n + ")");
                insert.setString(2, METADATA.get(random.nextInt(METADATA.size())));
                insert.addBatch();
                if (n % BATCH == 0 || n == count) {
                    insert.executeBatch();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
