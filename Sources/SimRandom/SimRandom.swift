// SimRandom — random numbers for FaultLine, over GNU GSL.
//
// Streams
//   RandomStream owns one gsl_rng (freed in deinit) and is used by one replication on one thread.
//   Named streams give each purpose its own reproducible sequence (common random numbers):
//
//     mix(z) = SplitMix64 finaliser  (z ^= z>>30; z &*= 0xBF58476D1CE4E5B9;
//                                     z ^= z>>27; z &*= 0x94D049BB133111EB; z ^= z>>31)
//     fnv(s) = FNV-1a 64 of the UTF-8 bytes of s (basis 0xCBF29CE484222325, prime 0x100000001B3)
//     γ      = 0x9E3779B97F4A7C15
//     seed   = mix( mix( (mix(masterSeed &+ γ) ^ UInt64(bitPattern: Int64(replication))) &+ γ )
//                   ^ fnv(name) )
//
//   GSL seeds MT19937 and Tausworthe from 32 bits (RANLUX from 31), so a seed reaches
//   gsl_rng_set as itself if it is in 1...UInt32.max, otherwise as low32 ^ high32; 0 becomes
//   0x9E3779B9 (GSL would substitute its own default for 0).
//
// Distributions
//   Distribution is a validated value in planner terms (lognormal(mean:sd:), weibull(shape:scale:),
//   …) that knows its mean and variance and samples through GSL with parameters converted once.
//   Text form: Distribution(parsing:) / description / durationDescription; durations in text
//   carry units (s, m|min, h, d, w) and become minutes.
//
// Arrivals (minutes since the simulation start)
//   PoissonArrivals; ThinnedArrivals (hour-of-week × month profile on a proleptic Gregorian
//   calendar, optional StormSchedule); StormEpisodes draws a StormSchedule for a horizon from its
//   own named stream. Overlapping storms do not compound.
