/**
 * Lead lists: CSV files read with FastCSV, numbers normalised to E.164 with libphonenumber, time zones and states,
 * bad rows and duplicates reported by row number.
 */
package io.dialer.core.lead;
