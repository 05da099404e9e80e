/*
| Edge globals shared by every page and mail.
*/
import edge from 'edge.js'
import app from '@adonisjs/core/services/app'

edge.global('appName', 'Quartier')
edge.global('inProduction', app.inProduction)
