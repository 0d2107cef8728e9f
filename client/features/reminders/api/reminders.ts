import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  notificationListSchema,
  type ReminderPreferences,
  reminderPreferencesSchema,
  unreadCountSchema,
} from '../../../../shared/contracts/reminders.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** The query keys of reminders: my choices and the notification centre. */
export const reminderKeys = {
  preferences: ['me', 'reminders'] as const,
  notifications: ['me', 'notifications'] as const,
};

export const reminderPreferencesQueryOptions = queryOptions({
  queryKey: reminderKeys.preferences,
  queryFn: ({ signal }) => apiRequest('/api/me/reminders', { schema: reminderPreferencesSchema, signal }),
});

export function useReminderPreferences() {
  return useQuery(reminderPreferencesQueryOptions);
}

/** The whole set replaces what was stored. */
export function useSaveReminderPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: ReminderPreferences) =>
      apiRequest('/api/me/reminders', { method: 'PUT', body: preferences, schema: reminderPreferencesSchema }),
    onSuccess: (saved) => queryClient.setQueryData(reminderPreferencesQueryOptions.queryKey, saved),
  });
}

export const notificationsQueryOptions = queryOptions({
  queryKey: reminderKeys.notifications,
  queryFn: ({ signal }) => apiRequest('/api/me/notifications', { schema: notificationListSchema, signal }),
  // Reminders arrive once a minute at most: a check every few minutes is plenty.
  refetchInterval: 5 * 60_000,
});

export function useNotifications() {
  return useQuery(notificationsQueryOptions);
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/api/me/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', body: {}, schema: unreadCountSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryOptions.queryKey }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/me/notifications/read-all', { method: 'POST', body: {}, schema: unreadCountSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryOptions.queryKey }),
  });
}
