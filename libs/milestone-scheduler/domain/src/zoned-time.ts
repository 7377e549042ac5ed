export {
  addCalendar,
  calendarDateIn,
  isValidTimeZone,
  offsetMs,
  wallClock,
  zonedInstant,
} from '@dealwatch/time';
