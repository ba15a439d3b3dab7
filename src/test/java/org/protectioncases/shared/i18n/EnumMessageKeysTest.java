package org.protectioncases.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keys built at run time escape {@link MessageBundlesTest}'s search for literal keys: every enum
 * that names its own message key ({@code messageKey()}) must find it in the bundles, for every constant.
 */
class EnumMessageKeysTest {

    @Test
    void everyEnumConstantsMessageKeyIsInTheBundles() throws Exception {
        Properties en = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages_en.properties")) {
            assertThat(in).isNotNull();
            en.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> enums = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.protectioncases")) {
            if (!type.isEnum()) {
                continue;
            }
            Class<?> enumType = type.reflect();
            Method messageKey;
            try {
                messageKey = enumType.getDeclaredMethod("messageKey");
            } catch (NoSuchMethodException notTranslated) {
                continue;
            }
            messageKey.setAccessible(true);
            enums.add(enumType.getSimpleName());
            for (Object constant : enumType.getEnumConstants()) {
                String key = (String) messageKey.invoke(constant);
                if (!en.containsKey(key)) {
                    missing.add(enumType.getSimpleName() + "." + constant + " -> " + key);
                }
            }
        }
        assertThat(enums).as("enums with messageKey() found").hasSizeGreaterThan(25).contains("CaseStatus", "SpecificNeed", "Role");
        assertThat(missing).isEmpty();
    }
}
