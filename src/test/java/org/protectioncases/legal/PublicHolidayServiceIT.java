package org.protectioncases.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Role;
import org.protectioncases.support.OwnerDatabase;
import org.protectioncases.support.ActingUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The administrator's public holidays: listed by year, added with its checks (one a day, years
 * 2000–2100, name and kind required), removed, both audited; other roles may not. The day used,
 * Wednesday 14 March 2029, is no holiday in the seeded table and is removed again at the end.
 */
@SpringBootTest
class PublicHolidayServiceIT extends ActingUsers {

    private static final LocalDate DAY = LocalDate.of(2029, 3, 14);

    @Autowired
    PublicHolidayService holidays;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    private long audited(String action) {
        return jdbc.sql("select count(*) from audit_event where action = :a and entity_type = 'public_holiday' and entity_id = :d")
                .param("a", action).param("d", DAY.toString()).query(Long.class).single();
    }

    @Test
    void administratorsListAddAndRemoveHolidaysAuditedAndOthersMayNot() {
        assertThat(as(Role.ADMIN, null, () -> holidays.years())).contains(2019, 2026, 2030);
        // The seeded year 2026: New Year first, Catholic Christmas last, Eid al-Fitr on 20 March.
        var in2026 = as(Role.ADMIN, null, () -> holidays.inYear(2026));
        assertThat(in2026.getFirst().date()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(in2026.getLast().date()).isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(in2026).extracting(PublicHolidayDto::date).isSorted();

        long addedBefore = audited("PUBLIC_HOLIDAY_ADDED");
        PublicHolidayDto added = as(Role.ADMIN, null, () -> holidays.add(new PublicHolidayDto(DAY, "  Day off by government decision ",
                PublicHolidayDto.Kind.SUBSTITUTE, "Decision 01/2029")));
        assertThat(added.name()).isEqualTo("Day off by government decision");
        assertThat(as(Role.ADMIN, null, () -> holidays.inYear(2029))).contains(added);
        assertThat(audited("PUBLIC_HOLIDAY_ADDED")).isEqualTo(addedBefore + 1);
        try {
            // One a day; a year outside 2000–2100; name and kind required.
            assertThatThrownBy(() -> as(Role.ADMIN, null, () -> holidays.add(new PublicHolidayDto(DAY, "Again", PublicHolidayDto.Kind.FIXED, null))))
                    .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                            .containsEntry("date", "legal.holiday.validation.exists"));
            assertThatThrownBy(() -> as(Role.ADMIN, null, () -> holidays.add(new PublicHolidayDto(LocalDate.of(2101, 1, 1), " ", null, null))))
                    .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                            .containsEntry("date", "legal.holiday.validation.year").containsEntry("name", "validation.required")
                            .containsEntry("kind", "validation.required"));
            assertThatThrownBy(() -> as(Role.ADMIN, null, () -> holidays.add(new PublicHolidayDto(null, "x", PublicHolidayDto.Kind.FIXED, null))))
                    .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                            .containsEntry("date", "validation.required"));
            assertThatThrownBy(() -> as(Role.ADMIN, null, () -> holidays.add(new PublicHolidayDto(DAY.plusDays(1), "x".repeat(201),
                    PublicHolidayDto.Kind.FIXED, null)))).isNotInstanceOf(AccessDeniedException.class);
            assertThat(as(Role.ADMIN, null, () -> holidays.inYear(2029))).extracting(PublicHolidayDto::date).doesNotContain(DAY.plusDays(1));

            // Only administrators.
            assertThatThrownBy(() -> as("coordinator.crpk", () -> holidays.inYear(2029))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as("lawyer.crpk", () -> holidays.remove(DAY))).isInstanceOf(AccessDeniedException.class);
        } finally {
            long removedBefore = audited("PUBLIC_HOLIDAY_REMOVED");
            assertThat(as(Role.ADMIN, null, () -> holidays.remove(DAY))).isTrue();
            assertThat(audited("PUBLIC_HOLIDAY_REMOVED")).isEqualTo(removedBefore + 1);
        }
        assertThat(as(Role.ADMIN, null, () -> holidays.remove(DAY))).isFalse();
        assertThat(as(Role.ADMIN, null, () -> holidays.inYear(2029))).extracting(PublicHolidayDto::date).doesNotContain(DAY);
    }
}
