package org.protectioncases.scale;

/**
 * How much the scale generator writes. {@link #full()} is the data set (1 million people,
 * 1 million cases, 3 million sessions and visits); {@link #of(int)} scales every count by
 * {@code people / 1,000,000}, keeping at least a handful of each so that small runs still cover
 * every table. Staff accounts do not scale: the same 3 partners with their lawyers, coordinators
 * and monitors serve every size, so the benchmark's users exist whatever the size.
 *
 * @param people            person records (1 % of them are a second registration of someone, spelled differently)
 * @param cases             protection cases over the 3 partners and 6 case types
 * @param sessions          counselling sessions on those cases
 * @param visits            monitoring visits
 * @param referrals         referrals (9 in 10 from cases, the rest from visits), each with a referral consent
 * @param shelters          collective shelters
 * @param shelterStays      dated shelter residences
 * @param accessLogEntries  "who opened this record" rows
 * @param lawyersPerPartner lawyer accounts per partner (caseworkers: cases, sessions)
 * @param coordinatorsPerPartner coordinator accounts per partner
 * @param monitorsPerPartner protection monitor accounts per partner (visits)
 */
public record ScaleSize(int people, int cases, int sessions, int visits, int referrals, int shelters, int shelterStays,
                        int accessLogEntries, int lawyersPerPartner, int coordinatorsPerPartner, int monitorsPerPartner) {

    public static final int FULL_PEOPLE = 1_000_000;

    public ScaleSize {
        if (people < 100 || cases < 1 || sessions < 1 || visits < 3 || referrals < 10 || shelters < 1 || shelterStays < 1
                || accessLogEntries < 1 || lawyersPerPartner < 1 || coordinatorsPerPartner < 1 || monitorsPerPartner < 1) {
            throw new IllegalArgumentException("Scale size too small: " + people + " people");
        }
    }

    /** The data set: 1 M people, 1 M cases, 2.7 M sessions + 0.3 M visits, 300 k referrals, 200 shelters, 2 M access-log rows. */
    public static ScaleSize full() {
        return of(FULL_PEOPLE);
    }

    /** About 2,000 people and everything else scaled down alike: the smoke run in {@code ./mvnw verify}. */
    public static ScaleSize tiny() {
        return of(2_000);
    }

    /** Every count proportional to {@code people} (the full set's ratios). */
    public static ScaleSize of(int people) {
        double f = people / (double) FULL_PEOPLE;
        return new ScaleSize(people, scaled(1_000_000, f, 10), scaled(2_700_000, f, 10), scaled(300_000, f, 9),
                scaled(300_000, f, 10), scaled(200, f, 3), scaled(40_000, f, 8), scaled(2_000_000, f, 10), 20, 3, 5);
    }

    private static int scaled(int full, double f, int min) {
        return (int) Math.max(min, Math.round(full * f));
    }

    /** Second registrations of an existing person (another partner, another spelling): what the duplicate check must find. */
    public int duplicates() {
        return Math.max(1, people / 100);
    }

    /** People who live in households (everybody but the duplicate records). */
    public int householdPeople() {
        return people - duplicates();
    }
}
