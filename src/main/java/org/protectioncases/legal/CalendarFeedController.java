package org.protectioncases.legal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import jakarta.servlet.http.HttpServletRequest;
import org.protectioncases.shared.i18n.AppI18NProvider;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpService;
import org.protectioncases.security.AppUser;
import org.protectioncases.shared.Permission;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a user's feed at its secret address to calendar applications, which have no session. The
 * secret is the credential: an unknown or revoked one, a disabled account or one that may not work
 * on cases all get the same 404. The request then runs as the feed's owner for that request only,
 * through the same secured services (and row-level security) as the app.
 */
@RestController
class CalendarFeedController {

    private final CalendarFeedService feeds;
    private final CaseEventService events;
    private final FollowUpService followUps;
    private final UserDetailsService accounts;
    private final SecurityContextHolderStrategy contexts;
    private final TransactionTemplate transactions;
    private final AppI18NProvider i18n;
    private final Clock clock;
    private final CalendarFeedLimiter limiter;

    CalendarFeedController(CalendarFeedService feeds, CaseEventService events, FollowUpService followUps, UserDetailsService accounts,
                           ObjectProvider<SecurityContextHolderStrategy> contexts, PlatformTransactionManager transactions,
                           AppI18NProvider i18n, Clock clock, CalendarFeedLimiter limiter) {
        this.limiter = limiter;
        this.feeds = feeds;
        this.events = events;
        this.followUps = followUps;
        this.accounts = accounts;
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.transactions = new TransactionTemplate(transactions);
        this.i18n = i18n;
        this.clock = clock;
    }

    @GetMapping(CalendarFeedService.PATH + "{file}")
    ResponseEntity<String> feed(@PathVariable String file, HttpServletRequest request) {
        if (!file.endsWith(".ics")) {
            return ResponseEntity.notFound().build();
        }
        String secret = file.substring(0, file.length() - ".ics".length());
        // Before the secret is looked up: an address guessed or leaked is answered 429 alike.
        OptionalLong wait = limiter.tryRequest(request.getRemoteAddr(), secret);
        if (wait.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong())).build();
        }
        Optional<AppUser> owner = Optional.ofNullable(transactions.execute(s -> feeds.ownerOf(secret))).flatMap(o -> o).flatMap(this::usable);
        if (owner.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        AppUser user = owner.get();
        SecurityContext previous = contexts.getContext();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        contexts.setContext(context);
        String body;
        try {
            LocalDate today = LocalDate.now(clock);
            List<CaseEventDto> upcoming = events.upcoming(false, IcsWriter.from(today), today.plusDays(365), 0, 200);
            // The calendar's follow-ups (cases' next actions, sessions', visits'), from the same day as the events:
            // as "My follow-ups" lists them, but not every old overdue one, which would crowd out the coming ones.
            List<FollowUp> mine = followUps.between(IcsWriter.from(today), today.plusDays(60), CalendarEntry.FOLLOW_UP_KINDS, 500);
            Locale locale = user.preferredLocale();
            body = IcsWriter.write(upcoming, mine, key -> i18n.getTranslation(key, locale));
        } finally {
            contexts.setContext(previous);
        }
        // Cache-Control: no-store comes from SecurityHeadersFilter (it keeps its own value; replacing it here fails).
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .body(body);
    }

    private Optional<AppUser> usable(String username) {
        try {
            UserDetails details = accounts.loadUserByUsername(username);
            if (details instanceof AppUser user && user.isEnabled() && Permission.WORK_ON_CASES.allows(user.role())) {
                user.eraseCredentials();
                return Optional.of(user);
            }
        } catch (UsernameNotFoundException e) {
            // same answer as an unknown secret
        }
        return Optional.empty();
    }
}
