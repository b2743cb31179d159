package dev.cairn.processor.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Derives a readable description from a class name when {@code @Migration} gives none. */
final class Descriptions {

    private Descriptions() {
    }

    /**
     * Splits a class name into words: {@code PromoteTimeout} becomes "Promote timeout",
     * {@code AddIndexOnURLColumn} "Add index on URL column", {@code V3_CreateUsers} "V3 create users".
     */
    static String fromClassName(String simpleName) {
        List<String> words = new ArrayList<>();
        for (String part : simpleName.split("[_$]+")) {
            words.addAll(camelCaseWords(part));
        }
        StringBuilder description = new StringBuilder();
        for (String word : words) {
            boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
            String shown = description.length() == 0 || acronym ? word : word.toLowerCase(Locale.ROOT);
            description.append(description.length() == 0 ? "" : " ").append(shown);
        }
        return description.length() == 0 ? simpleName : description.toString();
    }

    /** Word boundaries: lower-to-upper ("aB"), and the end of an acronym ("URLColumn"). */
    private static List<String> camelCaseWords(String part) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < part.length(); i++) {
            char previous = part.charAt(i - 1);
            char current = part.charAt(i);
            boolean lowerToUpper = !Character.isUpperCase(previous) && Character.isUpperCase(current);
            boolean acronymEnd = Character.isUpperCase(previous) && Character.isUpperCase(current)
                    && i + 1 < part.length() && Character.isLowerCase(part.charAt(i + 1));
            if (lowerToUpper || acronymEnd) {
                words.add(part.substring(start, i));
                start = i;
            }
        }
        if (start < part.length()) {
            words.add(part.substring(start));
        }
        return words;
    }
}
