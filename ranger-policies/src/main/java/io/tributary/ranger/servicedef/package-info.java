/** The {@code tributary} Ranger service definition and its tag service hook-up. */
package io.tributary.ranger.servicedef;
