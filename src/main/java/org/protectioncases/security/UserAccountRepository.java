package org.protectioncases.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.protectioncases.shared.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Query("select u from UserAccount u where lower(u.username) = lower(:username)")
    Optional<UserAccount> findByUsername(String username);

    @Query("""
            select u from UserAccount u
            where :filter = '' or lower(u.username) like lower(concat('%', :filter, '%'))
               or lower(u.fullName) like lower(concat('%', :filter, '%'))""")
    Page<UserAccount> search(String filter, Pageable pageable);

    long countByRoleAndEnabledTrue(Role role);

    List<UserAccount> findByPartnerIdAndEnabledTrueAndRoleInOrderByFullName(Long partnerId, Collection<Role> roles);

    /** The partner's label for the signed-in user's header; read directly to keep login free of service calls. */
    @Query(value = "select code || ' ' || name from partner where id = :partnerId", nativeQuery = true)
    Optional<String> partnerLabel(long partnerId);

    @Query(value = "select code from partner where id = :partnerId", nativeQuery = true)
    Optional<String> partnerCode(long partnerId);

    /** Whether the account has a passkey (Spring Security's WebAuthn tables; the user entity's name is the username). */
    @Query(value = """
            select exists (select 1 from user_credentials c join user_entities e on e.id = c.user_entity_user_id
                           where lower(e.name) = lower(:username))""", nativeQuery = true)
    boolean hasPasskey(String username);

    /** Removes the account's passkeys (its WebAuthn user entity; the credentials go with it). */
    @Modifying
    @Query(value = "delete from user_entities where lower(name) = lower(:username)", nativeQuery = true)
    int deletePasskeys(String username);

    /** Accounts with this e-mail address (case-insensitive): single sign-on maps a person to exactly one. */
    @Query("select u from UserAccount u where lower(u.email) = lower(:email)")
    List<UserAccount> findByEmail(String email);
}
