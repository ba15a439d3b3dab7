package org.protectioncases.security;

import java.util.Optional;
import org.protectioncases.shared.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
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

    java.util.List<UserAccount> findByPartnerIdAndEnabledTrueAndRoleInOrderByFullName(Long partnerId, java.util.Collection<Role> roles);

    /** The partner's label for the signed-in user's header; read directly to keep login free of service calls. */
    @Query(value = "select code || ' ' || name from partner where id = :partnerId", nativeQuery = true)
    Optional<String> partnerLabel(long partnerId);

    @Query(value = "select code from partner where id = :partnerId", nativeQuery = true)
    Optional<String> partnerCode(long partnerId);
}
