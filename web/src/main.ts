// Application entry: plugins, the API client's session hooks, then mount.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { i18n, currentLocale } from './i18n'
import { router } from './router'
import { setPasswordChangeRequiredHandler, setUnauthenticatedHandler } from './api/client'
import { useAuthStore } from './stores/auth'
import './styles.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router).use(ElementPlus)
document.documentElement.lang = currentLocale()

setUnauthenticatedHandler(() => {
  useAuthStore(pinia).clear()
  const here = router.currentRoute.value
  if (here.name !== 'login') {
    void router.push({ name: 'login', query: here.fullPath === '/' ? {} : { redirect: here.fullPath } })
  }
})
setPasswordChangeRequiredHandler(() => {
  void router.push({ name: 'change-password' })
})

app.mount('#app')
