package org.protectioncases.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.protectioncases.audit.AuditService;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.people.PersonService;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Role;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * Every public method of every {@code @Service} bean of the app that takes text, found by
 * reflection (a new method is covered without touching this test), is called with a
 * 100,000-character value and with a control character in each text slot in turn (a String
 * parameter, a String in a collection or map, a String component of a record), as a user the
 * method's {@code @PreAuthorize} lets in. Each call must end in a field error naming the slot and
 * must take no connection and prepare no statement.
 */
@SpringBootTest
class ServiceInputValidationIT {

    private static final String HUGE = "x".repeat(100_000);
    /** A NUL after a letter: refused by single- and multi-line fields alike, and short enough for a country code. */
    private static final String CONTROL = "A\u0000";
    /** A role name quoted in a @PreAuthorize expression. */
    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    /**
     * Services whose text parameters are not input: AuditService is the append-only sink other
     * services call with their own constants and already-validated values (never a view); bounding
     * it would turn a long but valid audit detail into a failed business action.
     */
    private static final Set<Class<?>> EXCLUDED = Set.of(AuditService.class);

    /**
     * Arguments no user types: the import's file as {@code ImportService.read} made it from an upload
     * (bounded there in bytes, rows and columns; every cell is then checked with the registration
     * form's rules, row by row) and the dry run's result the service itself returned.
     */
    private static final Set<Class<?>> SERVER_MADE = Set.of(org.protectioncases.imports.UploadedFile.class,
            org.protectioncases.imports.DryRunResult.class, org.protectioncases.audit.AuditMessage.class);

    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {
        @Bean
        static JdbcCounter jdbcCounter() {
            return new JdbcCounter();
        }
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    SystemAccess system;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    /** One way to put a bad value into one text slot of a method's arguments. */
    record Slot(Object bean, Method method, String field, Function<String, Object[]> arguments) {
        String label() {
            return AopUtils.getTargetClass(bean).getSimpleName() + "." + method.getName() + " [" + field + "]";
        }
    }

    private List<Object> services() {
        return context.getBeansWithAnnotation(Service.class).values().stream()
                .filter(b -> AopUtils.getTargetClass(b).getName().startsWith("org.protectioncases."))
                .filter(b -> !EXCLUDED.contains(AopUtils.getTargetClass(b)))
                .sorted(Comparator.comparing(b -> AopUtils.getTargetClass(b).getName()))
                .toList();
    }

    private static List<Method> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
                .sorted(Comparator.comparing(Method::toGenericString))
                .toList();
    }

    private List<Slot> slots() {
        List<Slot> slots = new ArrayList<>();
        List<String> undrivable = new ArrayList<>();
        for (Object bean : services()) {
            for (Method method : publicMethods(AopUtils.getTargetClass(bean))) {
                Parameter[] params = method.getParameters();
                for (int i = 0; i < params.length; i++) {
                    int index = i;
                    Parameter p = params[i];
                    assertThat(p.isNamePresent()).as("compiled with -parameters: " + method).isTrue();
                    Type type = p.getParameterizedType();
                    if (!containsText(type) || SERVER_MADE.contains(p.getType())) {
                        continue;
                    }
                    if (type == String.class) {
                        slots.add(new Slot(bean, method, p.getName(), bad -> arguments(method, index, bad)));
                    } else if (isTextCollection(type)) {
                        slots.add(new Slot(bean, method, p.getName(), bad -> arguments(method, index, collectionOf(type, bad))));
                    } else if (isTextMap(type)) {
                        // A bad value is reported under its key (the name of the field it fills), a bad key under the map.
                        slots.add(new Slot(bean, method, "someField", bad -> arguments(method, index, Map.of("someField", bad))));
                        slots.add(new Slot(bean, method, p.getName(), bad -> arguments(method, index, Map.of(bad, "ok"))));
                    } else if (isRecordCollection(type)) {
                        // Rows of a bulk command (PersonBulkService): one row carrying the bad value, in a
                        // text component of the row or of a record inside it; the error names that component.
                        Class<?> row = (Class<?>) ((ParameterizedType) type).getActualTypeArguments()[0];
                        for (RecordComponent c : row.getRecordComponents()) {
                            Type ct = c.getGenericType();
                            if (ct == String.class) {
                                slots.add(new Slot(bean, method, c.getName(), bad -> arguments(method, index, List.of(record(row, c, bad)))));
                            } else if (c.getType().isRecord() && containsText(ct)) {
                                for (RecordComponent inner : c.getType().getRecordComponents()) {
                                    if (inner.getGenericType() == String.class) {
                                        slots.add(new Slot(bean, method, inner.getName(), bad -> arguments(method, index,
                                                List.of(record(row, c, record(c.getType(), inner, bad))))));
                                    } else if (containsText(inner.getGenericType())) {
                                        undrivable.add(method + " component " + c.getName() + "." + inner.getName());
                                    }
                                }
                            } else if (containsText(ct)) {
                                undrivable.add(method + " component " + c.getName());
                            }
                        }
                    } else if (p.getType().isSealed()) {
                        // One record of a sealed interface (a case type's details): each record's text components in turn.
                        for (Class<?> sub : p.getType().getPermittedSubclasses()) {
                            for (RecordComponent c : sub.isRecord() ? sub.getRecordComponents() : new RecordComponent[0]) {
                                if (c.getGenericType() == String.class) {
                                    slots.add(new Slot(bean, method, c.getName(), bad -> arguments(method, index, record(sub, c, bad))));
                                } else if (containsText(c.getGenericType())) {
                                    undrivable.add(method + " component " + sub.getSimpleName() + "." + c.getName());
                                }
                            }
                            if (!sub.isRecord() && containsText(sub)) {
                                undrivable.add(method + " parameter " + p.getName() + " as " + sub);
                            }
                        }
                    } else if (p.getType().isRecord()) {
                        for (RecordComponent c : p.getType().getRecordComponents()) {
                            Type ct = c.getGenericType();
                            if (ct == String.class) {
                                slots.add(new Slot(bean, method, c.getName(), bad -> arguments(method, index, record(p.getType(), c, bad))));
                            } else if (isTextCollection(ct)) {
                                slots.add(new Slot(bean, method, c.getName(),
                                        bad -> arguments(method, index, record(p.getType(), c, collectionOf(ct, bad)))));
                            } else if (isRecordCollection(ct)) {
                                // Rows inside a command (the referrals typed on a visit form): one row with the bad value.
                                Class<?> row = (Class<?>) ((ParameterizedType) ct).getActualTypeArguments()[0];
                                for (RecordComponent inner : row.getRecordComponents()) {
                                    if (inner.getGenericType() == String.class) {
                                        slots.add(new Slot(bean, method, inner.getName(), bad -> arguments(method, index,
                                                record(p.getType(), c, List.of(record(row, inner, bad))))));
                                    } else if (containsText(inner.getGenericType())) {
                                        undrivable.add(method + " component " + c.getName() + "." + inner.getName());
                                    }
                                }
                            } else if (containsText(ct)) {
                                undrivable.add(method + " component " + c.getName());
                            }
                        }
                    } else {
                        undrivable.add(method + " parameter " + p.getName() + " of " + type);
                    }
                }
            }
        }
        if (!undrivable.isEmpty()) {
            fail("Text reaches these service methods in a shape this test cannot fill; teach it the shape: " + undrivable);
        }
        return slots;
    }

    @Test
    void discoversTheTextTakingMethodsOfEveryModule() {
        List<String> labels = slots().stream().map(Slot::label).toList();
        // A guard against a discovery that silently finds nothing: a few known slots, one per module.
        assertThat(labels).contains("PersonService.findDuplicates [familyName]", "PersonService.register [familyName]",
                "PersonService.list [name]", "CaseWorkflowService.updateTypeDetails [nationalityClaim]", "VisitService.record [monitors]",
                "CounsellingService.log [confidentialNote]", "ShelterService.create [address]", "PartnerService.list [filter]",
                "UserAccountService.create [fullName]", "VisitService.record [reason]", "ApiTokenService.create [name]", "AttachmentService.attach [fileName]",
                "FactsheetService.recordFigure [source]", "CaseExportService.export [assignedTo]",
                "PersonBulkService.findDuplicates [familyName]", "PersonBulkService.registerAll [familyName]");
        assertThat(labels).hasSizeGreaterThan(60);
    }

    @TestFactory
    Stream<DynamicTest> everyTextSlotRefusesHugeAndControlCharacterValuesWithAFieldErrorBeforeAnySql() {
        return slots().stream().flatMap(slot -> Stream.of(
                DynamicTest.dynamicTest(slot.label() + " 100,000 characters", () -> refused(slot, HUGE, TextRules.TOO_LONG)),
                DynamicTest.dynamicTest(slot.label() + " control character", () -> refused(slot, CONTROL, TextRules.CONTROL_CHARACTERS))));
    }

    /**
     * Lists of ids or names in commands (people met on a visit, session attendees, monitors) must
     * carry a {@code @Size} bound and be refused past it before any SQL, like text. Sets of enum
     * constants are bounded by the enum and left out.
     */
    @TestFactory
    Stream<DynamicTest> everyListOfIdsOrNamesIsBoundedAndRefusedPastItsBoundBeforeAnySql() {
        List<Slot> slots = new ArrayList<>();
        List<String> unbounded = new ArrayList<>();
        for (Object bean : services()) {
            for (Method method : publicMethods(AopUtils.getTargetClass(bean))) {
                Parameter[] params = method.getParameters();
                for (int i = 0; i < params.length; i++) {
                    int index = i;
                    Parameter p = params[i];
                    if (isOpenCollection(p.getParameterizedType())) {
                        Size size = p.getAnnotation(Size.class);
                        if (size == null) {
                            unbounded.add(method + " parameter " + p.getName());
                        } else {
                            Object tooMany = collectionOf(p.getParameterizedType(), size.max() + 1);
                            slots.add(new Slot(bean, method, p.getName(), ignored -> arguments(method, index, tooMany)));
                        }
                    } else if (p.getType().isRecord() && !SERVER_MADE.contains(p.getType())) {
                        for (RecordComponent c : p.getType().getRecordComponents()) {
                            if (!isOpenCollection(c.getGenericType())) {
                                continue;
                            }
                            Size size = c.getAccessor().getAnnotation(Size.class);
                            if (size == null) {
                                unbounded.add(method + " component " + c.getName());
                            } else {
                                Object tooMany = collectionOf(c.getGenericType(), size.max() + 1);
                                slots.add(new Slot(bean, method, c.getName(),
                                        ignored -> arguments(method, index, record(p.getType(), c, tooMany))));
                            }
                        }
                    }
                }
            }
        }
        assertThat(unbounded).as("collections in service commands without a @Size bound").isEmpty();
        assertThat(slots).extracting(Slot::label).contains("VisitService.record [personIds]", "CounsellingService.log [attendeeIds]",
                "VisitService.record [referrals]");
        return slots.stream().map(slot -> DynamicTest.dynamicTest(slot.label() + " one past its bound",
                () -> refused(slot, "", TextRules.TOO_MANY)));
    }

    /** A list or set whose elements are not enum constants (ids, names): nothing but a bound limits its size. */
    private static boolean isOpenCollection(Type type) {
        return type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)
                && !(pt.getActualTypeArguments()[0] instanceof Class<?> element && element.isEnum());
    }

    /** {@code n} distinct ordinary elements in the collection type. */
    private static Object collectionOf(Type type, int n) {
        Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
        List<Object> values = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            if (element instanceof Class<?> row && row.isRecord()) {
                RecordComponent first = row.getRecordComponents()[0];
                values.add(record(row, first, baseline(first.getType())));
            } else {
                values.add(element == String.class ? "user" + i : (Object) (long) i);
            }
        }
        return ((ParameterizedType) type).getRawType() == Set.class ? new LinkedHashSet<>(values) : values;
    }

    private void refused(Slot slot, String bad, String expectedKey) {
        Object[] args = slot.arguments().apply(bad);
        Role role = allowedRole(slot.method(), AopUtils.getTargetClass(slot.bean()));
        Long partner = role == Role.ADMIN || role == Role.UNHCR_MANAGER ? null : 1L;
        Throwable thrown = system.runAs(role, partner, () -> {
            JdbcCounter.reset();
            try {
                slot.method().invoke(slot.bean(), args);
                return null;
            } catch (InvocationTargetException e) {
                return e.getCause();
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } finally {
                long connections = JdbcCounter.connections();
                long statements = JdbcCounter.statements();
                assertThat(connections).as(slot.label() + ": connections taken").isZero();
                assertThat(statements).as(slot.label() + ": statements prepared").isZero();
            }
        });
        assertThat(thrown).as(slot.label() + " as " + role).isInstanceOf(FieldValidationException.class);
        FieldValidationException e = (FieldValidationException) thrown;
        assertThat(e.fieldErrors()).as(slot.label()).containsEntry(slot.field(), expectedKey);
        if (expectedKey.equals(TextRules.TOO_LONG)) {
            assertThat(e.arguments(slot.field())).as(slot.label() + ": the limit, for the message").hasSize(1);
        }
    }

    /** The first role of the method's (or else the class's) @Allowed or named in its @PreAuthorize; ADMIN when it names none. */
    private static Role allowedRole(Method method, Class<?> type) {
        Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(method, Allowed.class);
        if (allowed == null && AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class) == null) {
            allowed = AnnotatedElementUtils.findMergedAnnotation(type, Allowed.class);
        }
        if (allowed != null) {
            return allowed.value().roles().getFirst();
        }
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(type, PreAuthorize.class);
        }
        if (rule != null) {
            Matcher m = ROLE.matcher(rule.value());
            while (m.find()) {
                String name = m.group(1);
                if (Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name))) {
                    return Role.valueOf(name);
                }
            }
            if (rule.value().contains("isAuthenticated")) {
                return Role.PARTNER_COORDINATOR;
            }
        }
        return Role.ADMIN;
    }

    @Test
    void validationRunsAfterMethodSecurityAndBeforeTheTransaction() {
        for (Object bean : services()) {
            List<String> chain = Arrays.stream(((Advised) bean).getAdvisors()).map(Advisor::getAdvice)
                    .map(a -> a.getClass().getName()).toList();
            String name = AopUtils.getTargetClass(bean).getSimpleName();
            int validation = indexOf(chain, ServiceInputValidation.Interceptor.class.getName());
            int transaction = indexOf(chain, TransactionInterceptor.class.getName());
            int preAuthorize = chain.stream().filter(c -> c.startsWith("org.springframework.security.")).findFirst()
                    .map(chain::indexOf).orElse(-1);
            assertThat(validation).as(name + " validates input: " + chain).isNotNegative();
            if (transaction >= 0) { // FollowUpService only delegates and has no transaction of its own
                assertThat(validation).as(name + ": validation before the transaction " + chain).isLessThan(transaction);
            }
            assertThat(preAuthorize).as(name + ": @PreAuthorize before validation " + chain).isBetween(0, validation - 1);
        }
    }

    private static int indexOf(List<String> chain, String className) {
        return chain.indexOf(className);
    }

    @Test
    void theCounterSeesConnectionsAndStatementsWhenSqlRuns() {
        // Without this, "zero statements" above could mean a counter that never counts.
        PartnerService partners = context.getBean(PartnerService.class);
        system.runAs(Role.PARTNER_COORDINATOR, 1L, () -> {
            JdbcCounter.reset();
            partners.directory();
            assertThat(JdbcCounter.connections()).isPositive();
            assertThat(JdbcCounter.statements()).isPositive();
            return null;
        });
    }

    @Test
    void aLoginNameNoAccountCanHaveIsUnknownWithoutAQuery() {
        UserDetailsService accounts = context.getBeansOfType(UserDetailsService.class).values().stream()
                .filter(b -> AopUtils.getTargetClass(b).getSimpleName().equals("AppUserDetailsService")).findFirst().orElseThrow();
        for (String name : List.of(HUGE, "admin\n")) {
            JdbcCounter.reset();
            assertThatThrownBy(() -> accounts.loadUserByUsername(name)).isInstanceOf(UsernameNotFoundException.class);
            assertThat(JdbcCounter.connections() + JdbcCounter.statements()).isZero();
        }
    }

    @Test
    void aFailedLoginWithAHugeNameIsAuditedCutAndWithoutControlCharacters() {
        String typed = "\u001b[31m" + HUGE;
        // What Spring Security publishes when the login form is posted with that name.
        context.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated(typed, "wrong"), new BadCredentialsException("bad")));
        String actor = jdbc.sql("select actor from audit_event where action = 'LOGIN_FAILED' order by id desc limit 1")
                .query(String.class).single();
        assertThat(actor).hasSize(TextRules.USERNAME).startsWith("?[31mxxx").endsWith("…");
    }

    @Test
    void aCallerWithoutTheRoleIsRefusedAccessNotToldTheInputRules() {
        PersonService people = context.getBean(PersonService.class);
        assertThatThrownBy(() -> system.runAsAdmin(() -> people.findDuplicates(HUGE, HUGE, null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    // ----- building arguments -----

    private static Object[] arguments(Method method, int slot, Object bad) {
        Parameter[] params = method.getParameters();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            args[i] = i == slot ? bad : baseline(params[i].getType());
        }
        return args;
    }

    private static Object record(Class<?> type, @Nullable RecordComponent bad, @Nullable Object value) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = bad != null && components[i].getName().equals(bad.getName()) ? value : baseline(components[i].getType());
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type, e);
        }
    }

    /** An ordinary value of a type; validation must refuse the call before any of these matters. */
    private static Object baseline(Class<?> type) {
        if (type == String.class) {
            return "ok";
        } else if (type == long.class || type == Long.class) {
            return 1L;
        } else if (type == int.class || type == Integer.class) {
            return 1;
        } else if (type == boolean.class || type == Boolean.class) {
            return false;
        } else if (type == double.class || type == Double.class) {
            return 1.0;
        } else if (type == BigDecimal.class) {
            return BigDecimal.ONE;
        } else if (type == LocalDate.class) {
            return LocalDate.now();
        } else if (type == LocalDateTime.class) {
            return LocalDateTime.now();
        } else if (type == java.time.LocalTime.class) {
            return java.time.LocalTime.NOON;
        } else if (type == java.nio.charset.Charset.class) {
            return java.nio.charset.StandardCharsets.UTF_8;
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        } else if (type == Set.class) {
            return Set.of();
        } else if (List.class.isAssignableFrom(type) || type == Collection.class) {
            return List.of();
        } else if (type == Map.class) {
            return Map.of();
        } else if (type == Pageable.class) {
            return PageRequest.of(0, 10);
        } else if (type == InputStream.class) {
            return new ByteArrayInputStream(new byte[] {1});
        } else if (type == OutputStream.class) {
            return new ByteArrayOutputStream();
        } else if (type == Locale.class) {
            return Locale.ENGLISH;
        } else if (type == java.util.function.IntConsumer.class) {
            return (java.util.function.IntConsumer) done -> { };
        } else if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            return components.length == 0 ? record(type, null, null) : record(type, components[0], baseline(components[0].getType()));
        } else if (type.isSealed()) {
            return baseline(type.getPermittedSubclasses()[0]);
        }
        throw new IllegalStateException("No ordinary value for " + type + "; add one to ServiceInputValidationIT.baseline");
    }

    private static Object collectionOf(Type type, String bad) {
        Class<?> raw = (Class<?>) ((ParameterizedType) type).getRawType();
        return raw == Set.class ? Set.of(bad) : List.of(bad);
    }

    private static boolean isTextCollection(Type type) {
        return type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)
                && pt.getActualTypeArguments()[0] == String.class;
    }

    private static boolean isRecordCollection(Type type) {
        return type instanceof ParameterizedType pt && pt.getRawType() == List.class
                && pt.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord();
    }

    private static boolean isTextMap(Type type) {
        return type instanceof ParameterizedType pt && pt.getRawType() == Map.class
                && Arrays.stream(pt.getActualTypeArguments()).allMatch(a -> a == String.class);
    }

    /** Whether text can reach the method through this type (directly, in a collection or in a record). */
    private static boolean containsText(Type type) {
        if (type == String.class || type == CharSequence.class || type == Object.class) {
            return true;
        }
        if (type instanceof ParameterizedType pt) {
            return Arrays.stream(pt.getActualTypeArguments()).anyMatch(ServiceInputValidationIT::containsText);
        }
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                return containsText(c.getComponentType());
            }
            if (c.isRecord()) {
                return Arrays.stream(c.getRecordComponents()).anyMatch(rc -> containsText(rc.getGenericType()));
            }
            if (c.isSealed()) {
                return Arrays.stream(c.getPermittedSubclasses()).anyMatch(ServiceInputValidationIT::containsText);
            }
        }
        return false;
    }
}
