package org.protectioncases.shelters;

import java.util.List;

/**
 * Residents (or stays) the user may see, and how many other persons are counted but not shown
 * because another partner registered them.
 */
public record Residents(List<Resident> shown, long others) {

    public long total() {
        return shown.stream().map(Resident::personId).distinct().count() + others;
    }
}
