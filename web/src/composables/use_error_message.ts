// Translated error text and a toast for failures that are not tied to a form field.
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { errorMessage } from '@/utils/errors'

export function useErrorMessage() {
  const { t, te } = useI18n()
  const message = (error: unknown): string => errorMessage(error, t, (key) => te(key))
  const toast = (error: unknown): void => {
    ElMessage.error(message(error))
  }
  return { message, toast }
}
