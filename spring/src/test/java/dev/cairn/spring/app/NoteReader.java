package dev.cairn.spring.app;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the migrated table in its constructor, as an application's cache or repository might: it
 * works only if Cairn migrated before the {@link JdbcTemplate} was handed out.
 */
@Component
@ConditionalOnBooleanProperty(name = "app.read-notes", matchIfMissing = true)
public class NoteReader {

    private final List<String> notesAtStartup;

    public NoteReader(JdbcTemplate jdbc) {
        this.notesAtStartup = jdbc.queryForList("SELECT body FROM notes ORDER BY id", String.class);
    }

    public List<String> notesAtStartup() {
        return notesAtStartup;
    }
}
