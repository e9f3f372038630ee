<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AboutWindow</name>
    <message>
        <source>About ClientSafe</source>
        <translation>Acerca de ClientSafe</translation>
    </message>
    <message>
        <source>ClientSafe warns you before a social-media post or friend request could breach the confidentiality of the people your organisation serves. Everything is checked on this computer: nothing you write is sent anywhere, and no post text is ever logged.</source>
        <translation>ClientSafe le avisa antes de que una publicación en redes sociales o una solicitud de amistad pueda romper la confidencialidad de las personas a las que atiende su organización. Todo se revisa en este equipo: nada de lo que escribe se envía a ningún sitio y nunca se guarda el texto de una publicación.</translation>
    </message>
    <message>
        <source>What ClientSafe does</source>
        <translation>Qué hace ClientSafe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Data: {data}
Logs: {logs}
Settings and policy: {config}</source>
        <translation>Datos: {data}
Registros: {logs}
Ajustes y política: {config}</translation>
    </message>
    <message>
        <source>Where ClientSafe keeps its files</source>
        <translation>Dónde guarda ClientSafe sus archivos</translation>
    </message>
    <message>
        <source>&amp;Start ClientSafe when I log in</source>
        <translation>&amp;Iniciar ClientSafe al entrar en mi sesión</translation>
    </message>
    <message>
        <source>Start ClientSafe when I log in</source>
        <translation>Iniciar ClientSafe al entrar en mi sesión</translation>
    </message>
    <message>
        <source>Started at login by your IT department.</source>
        <translation>Su departamento de TI lo inicia al entrar en la sesión.</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Inicio al entrar en la sesión</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>AdminSwitch</name>
    <message>
        <source>&amp;IT / privacy officer view</source>
        <translation>Vista de &amp;TI / responsable de privacidad</translation>
    </message>
    <message>
        <source>Show the IT / privacy officer view</source>
        <translation>Mostrar la vista de TI / responsable de privacidad</translation>
    </message>
    <message>
        <source>File locations, setting names and the tasks kept for IT and the privacy officer</source>
        <translation>Ubicación de los archivos, nombres de los ajustes y las tareas reservadas a TI y al responsable de privacidad</translation>
    </message>
    <message>
        <source>The IT / privacy officer view is turned off here. Ask your IT team; the command line offers this as {command}.</source>
        <translation>La vista de TI / responsable de privacidad está desactivada aquí. Pregunte a su equipo de TI; la línea de comandos lo ofrece como {command}.</translation>
    </message>
    <message>
        <source>IT / privacy officer view</source>
        <translation>Vista de TI / responsable de privacidad</translation>
    </message>
</context>
<context>
    <name>CheckDraftWindow</name>
    <message>
        <source>Paste or type a draft above, then choose Check (Ctrl+Enter). Nothing you type here is saved or sent anywhere.</source>
        <translation>Pegue o escriba un borrador arriba y elija Revisar (Ctrl+Intro). Nada de lo que escriba aquí se guarda ni se envía a ningún sitio.</translation>
    </message>
    <message>
        <source>Policy:</source>
        <translation>Política:</translation>
    </message>
    <message>
        <source>Check a draft — ClientSafe</source>
        <translation>Revisar un borrador — ClientSafe</translation>
    </message>
    <message>
        <source>Check a draft</source>
        <translation>Revisar un borrador</translation>
    </message>
    <message>
        <source>&amp;Draft post:</source>
        <translation>&amp;Borrador de la publicación:</translation>
    </message>
    <message>
        <source>Draft post</source>
        <translation>Borrador de la publicación</translation>
    </message>
    <message>
        <source>Paste or type the post you are about to share…</source>
        <translation>Pegue o escriba la publicación que va a compartir…</translation>
    </message>
    <message>
        <source>For the &amp;organisation&apos;s account (not my personal one)</source>
        <translation>Para la cuenta de la &amp;organización (no la mía personal)</translation>
    </message>
    <message>
        <source>Post on the organisation&apos;s account</source>
        <translation>Publicar en la cuenta de la organización</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Revisar</translation>
    </message>
    <message>
        <source>Check the draft (Ctrl+Enter)</source>
        <translation>Revisar el borrador (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Why, with the risky phrases marked</source>
        <translation>Por qué, con las frases de riesgo marcadas</translation>
    </message>
    <message>
        <source>Suggested &amp;rewrite:</source>
        <translation>&amp;Versión sugerida:</translation>
    </message>
    <message>
        <source>Suggested rewrite</source>
        <translation>Versión sugerida</translation>
    </message>
    <message>
        <source>Cop&amp;y rewrite</source>
        <translation>Co&amp;piar la versión</translation>
    </message>
    <message>
        <source>Copy the suggested rewrite</source>
        <translation>Copiar la versión sugerida</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>There is nothing to check yet: paste or type a draft first.</source>
        <translation>Todavía no hay nada que revisar: primero pegue o escriba un borrador.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Revisando…</translation>
    </message>
    <message>
        <source>Could not check this draft: {error}. Your text is still here; try again in a moment.</source>
        <translation>No se pudo revisar este borrador: {error}. Su texto sigue aquí; inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>Cop&amp;ied</source>
        <translation>Co&amp;piada</translation>
    </message>
</context>
<context>
    <name>NoTrayWindow</name>
    <message>
        <source>Your desktop has no system tray (notification area), so ClientSafe shows this small window instead. Keep it open or minimised: closing it quits ClientSafe, and then posts are no longer checked.</source>
        <translation>Su escritorio no tiene bandeja del sistema (área de notificaciones), así que ClientSafe muestra esta pequeña ventana en su lugar. Déjela abierta o minimizada: al cerrarla se cierra ClientSafe y las publicaciones dejan de revisarse.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Why this window is here</source>
        <translation>Por qué está esta ventana</translation>
    </message>
</context>
<context>
    <name>PairWindow</name>
    <message>
        <source>No browser is asking to pair. In your browser, open the ClientSafe extension&apos;s options and choose Pair with the app: its six-digit code appears here to compare and approve.</source>
        <translation>Ningún navegador pide vincularse. En su navegador, abra las opciones de la extensión ClientSafe y elija Vincular con la aplicación: su código de seis cifras aparece aquí para compararlo y aprobarlo.</translation>
    </message>
    <message>
        <source>No browser is paired yet, so ClientSafe cannot check posts in your browser. Pair one above.</source>
        <translation>Todavía no hay ningún navegador vinculado, así que ClientSafe no puede revisar publicaciones en su navegador. Vincule uno arriba.</translation>
    </message>
    <message>
        <source>Pair a browser — ClientSafe</source>
        <translation>Vincular un navegador — ClientSafe</translation>
    </message>
    <message>
        <source>Pair a browser</source>
        <translation>Vincular un navegador</translation>
    </message>
    <message>
        <source>Browsers &amp;waiting to pair: check the code matches the one your browser shows.</source>
        <translation>Navegadores que &amp;esperan vincularse: compruebe que el código coincide con el que muestra su navegador.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>Navegador</translation>
    </message>
    <message>
        <source>Asked at</source>
        <translation>Pedido a las</translation>
    </message>
    <message>
        <source>Browsers waiting to pair</source>
        <translation>Navegadores que esperan vincularse</translation>
    </message>
    <message>
        <source>No browser is asking to pair</source>
        <translation>Ningún navegador pide vincularse</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Aprobar</translation>
    </message>
    <message>
        <source>Approve the selected browser</source>
        <translation>Aprobar el navegador seleccionado</translation>
    </message>
    <message>
        <source>&amp;Deny</source>
        <translation>&amp;Rechazar</translation>
    </message>
    <message>
        <source>Deny the selected browser</source>
        <translation>Rechazar el navegador seleccionado</translation>
    </message>
    <message>
        <source>&amp;Paired browsers:</source>
        <translation>Navegadores &amp;vinculados:</translation>
    </message>
    <message>
        <source>Paired</source>
        <translation>Vinculado</translation>
    </message>
    <message>
        <source>Last heard from</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>Paired browsers</source>
        <translation>Navegadores vinculados</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>Re&amp;vocar</translation>
    </message>
    <message>
        <source>Revoke the selected browser</source>
        <translation>Revocar el navegador seleccionado</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>{problem}. Ask the browser to pair again.</source>
        <translation>{problem}. Pida al navegador que se vincule de nuevo.</translation>
    </message>
    <message>
        <source>Approved {browser}. It finishes pairing within a few seconds.</source>
        <translation>Se aprobó {browser}. Termina de vincularse en unos segundos.</translation>
    </message>
    <message>
        <source>Denied {browser}. It will not be able to use ClientSafe.</source>
        <translation>Se rechazó {browser}. No podrá usar ClientSafe.</translation>
    </message>
    <message>
        <source>Revoked {browser}: it must pair again to be protected.</source>
        <translation>Se revocó {browser}: debe vincularse de nuevo para estar protegido.</translation>
    </message>
</context>
<context>
    <name>PolicyWindow</name>
    <message>
        <source>built-in default</source>
        <translation>valor predeterminado</translation>
    </message>
    <message>
        <source>policy URL</source>
        <translation>URL de la política</translation>
    </message>
    <message>
        <source>system policy file</source>
        <translation>archivo de política del sistema</translation>
    </message>
    <message>
        <source>OS-managed policy</source>
        <translation>política administrada por el sistema</translation>
    </message>
    <message>
        <source>user policy file</source>
        <translation>archivo de política del usuario</translation>
    </message>
    <message>
        <source>--org file</source>
        <translation>archivo --org</translation>
    </message>
    <message>
        <source>Policy and Community Standards — ClientSafe</source>
        <translation>Política y normas de la comunidad — ClientSafe</translation>
    </message>
    <message>
        <source>Policy and Community Standards</source>
        <translation>Política y normas de la comunidad</translation>
    </message>
    <message>
        <source>Policy in force</source>
        <translation>Política vigente</translation>
    </message>
    <message>
        <source>Problems with the policy</source>
        <translation>Problemas con la política</translation>
    </message>
    <message>
        <source>The organisation&apos;s policies</source>
        <translation>Las políticas de la organización</translation>
    </message>
    <message>
        <source>&amp;Settings in force:</source>
        <translation>&amp;Ajustes vigentes:</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Name in the policy file</source>
        <translation>Nombre en el archivo de política</translation>
    </message>
    <message>
        <source>Value in the policy file</source>
        <translation>Valor en el archivo de política</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Definido por</translation>
    </message>
    <message>
        <source>Locked by IT</source>
        <translation>Bloqueado por TI</translation>
    </message>
    <message>
        <source>Settings in force</source>
        <translation>Ajustes vigentes</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Sin definir</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>{count} elementos</translation>
    </message>
    <message>
        <source>ClientSafe is still reading the organisation policy…</source>
        <translation>ClientSafe todavía está leyendo la política de la organización…</translation>
    </message>
    <message>
        <source>your organisation</source>
        <translation>su organización</translation>
    </message>
    <message>
        <source>The policy of {org} in force (version {version}).</source>
        <translation>La política vigente de {org} (versión {version}).</translation>
    </message>
    <message>
        <source>Read from: {layers}</source>
        <translation>Leída de: {layers}</translation>
    </message>
    <message>
        <source>Problems (the last good policy stays in force):</source>
        <translation>Problemas (sigue vigente la última política correcta):</translation>
    </message>
    <message>
        <source>The policy files have a problem; the last good policy stays in force. Tell your IT team.</source>
        <translation>Los archivos de política tienen un problema; sigue vigente la última política correcta. Avise a su equipo de TI.</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>bloqueado</translation>
    </message>
    <message>
        <source>Community Standards for {org}&apos;s pages</source>
        <translation>Normas de la comunidad de las páginas de {org}</translation>
    </message>
    <message>
        <source>Your organisation has not linked its confidentiality or social-media policy yet. Ask your privacy officer; IT adds the links in the policy file.</source>
        <translation>Su organización todavía no ha enlazado su política de confidencialidad o de redes sociales. Pregunte a su responsable de privacidad; TI añade los enlaces en el archivo de política.</translation>
    </message>
</context>
<context>
    <name>RosterWindow</name>
    <message>
        <source>No client roster is loaded, so ClientSafe cannot recognise the people your organisation serves by name. Your privacy officer imports it from your case-management system; only keyed hashes are kept.</source>
        <translation>No hay ninguna lista de clientes cargada, así que ClientSafe no puede reconocer por su nombre a las personas que atiende su organización. Su responsable de privacidad la importa desde su sistema de gestión de casos; solo se guardan resúmenes cifrados con clave.</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Descargando</translation>
    </message>
    <message>
        <source>Reading rows</source>
        <translation>Leyendo filas</translation>
    </message>
    <message>
        <source>Protecting names</source>
        <translation>Protegiendo los nombres</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Guardando</translation>
    </message>
    <message>
        <source>Your organisation&apos;s IT manages this roster and sends it to every computer; it cannot be replaced or cleared here. Ask IT to change it.</source>
        <translation>El equipo de TI de su organización administra esta lista y la envía a cada equipo; aquí no se puede reemplazar ni borrar. Pida a TI que la cambie.</translation>
    </message>
    <message>
        <source>Ask your IT team; the command line offers this as clientsafe roster import.</source>
        <translation>Pregunte a su equipo de TI; la línea de comandos lo ofrece como clientsafe roster import.</translation>
    </message>
    <message>
        <source>Client roster — ClientSafe</source>
        <translation>Lista de clientes — ClientSafe</translation>
    </message>
    <message>
        <source>Client roster</source>
        <translation>Lista de clientes</translation>
    </message>
    <message>
        <source>Roster status</source>
        <translation>Estado de la lista</translation>
    </message>
    <message>
        <source>Import from an &amp;HTTPS address:</source>
        <translation>Importar desde una dirección &amp;HTTPS:</translation>
    </message>
    <message>
        <source>HTTPS address of the roster export</source>
        <translation>Dirección HTTPS de la exportación de la lista</translation>
    </message>
    <message>
        <source>Import from &amp;address</source>
        <translation>Importar desde la &amp;dirección</translation>
    </message>
    <message>
        <source>Import from the address</source>
        <translation>Importar desde la dirección</translation>
    </message>
    <message>
        <source>&amp;Import CSV file…</source>
        <translation>&amp;Importar un archivo CSV…</translation>
    </message>
    <message>
        <source>Import a CSV file</source>
        <translation>Importar un archivo CSV</translation>
    </message>
    <message>
        <source>C&amp;lear roster…</source>
        <translation>&amp;Borrar la lista…</translation>
    </message>
    <message>
        <source>Clear the roster</source>
        <translation>Borrar la lista</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progreso de la importación</translation>
    </message>
    <message>
        <source>Import stage</source>
        <translation>Etapa de la importación</translation>
    </message>
    <message>
        <source>Managed by IT</source>
        <translation>Administrada por TI</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Cl&amp;ose</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Import the client roster</source>
        <translation>Importar la lista de clientes</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Give the HTTPS address of the roster export, or choose Import CSV file.</source>
        <translation>Escriba la dirección HTTPS de la exportación de la lista, o elija Importar un archivo CSV.</translation>
    </message>
    <message>
        <source>Nothing was imported: {error} The roster in force is unchanged.</source>
        <translation>No se importó nada: {error} La lista vigente no cambia.</translation>
    </message>
    <message>
        <source>Replace the roster with a much smaller list?</source>
        <translation>¿Reemplazar la lista por otra mucho más pequeña?</translation>
    </message>
    <message>
        <source>The file has {new} clients; the roster in force has {current}. An export that was cut short or damaged looks like this. Replace the roster with the smaller list anyway?</source>
        <translation>El archivo tiene {new} clientes; la lista vigente tiene {current}. Así se ve una exportación que quedó cortada o dañada. ¿Reemplazar la lista por la más pequeña de todos modos?</translation>
    </message>
    <message>
        <source>Clear the client roster?</source>
        <translation>¿Borrar la lista de clientes?</translation>
    </message>
    <message>
        <source>ClientSafe will no longer recognise your organisation&apos;s clients by name until a roster is imported again.</source>
        <translation>ClientSafe dejará de reconocer por su nombre a los clientes de su organización hasta que se vuelva a importar una lista.</translation>
    </message>
    <message>
        <source>The roster was cleared.</source>
        <translation>Se borró la lista.</translation>
    </message>
    <message>
        <source>There was no roster to clear.</source>
        <translation>No había ninguna lista que borrar.</translation>
    </message>
</context>
<context>
    <name>TrayApp</name>
    <message>
        <source>You edited the post.</source>
        <translation>Usted editó la publicación.</translation>
    </message>
    <message>
        <source>You applied the suggestions.</source>
        <translation>Usted aplicó las sugerencias.</translation>
    </message>
    <message>
        <source>You did not post it.</source>
        <translation>Usted no la publicó.</translation>
    </message>
    <message>
        <source>You posted it anyway.</source>
        <translation>Usted la publicó de todos modos.</translation>
    </message>
    <message>
        <source>You went ahead with the request.</source>
        <translation>Usted siguió adelante con la solicitud.</translation>
    </message>
    <message>
        <source>You did not connect.</source>
        <translation>Usted no se conectó.</translation>
    </message>
    <message>
        <source>your personal account</source>
        <translation>su cuenta personal</translation>
    </message>
    <message>
        <source>the organisation&apos;s account</source>
        <translation>la cuenta de la organización</translation>
    </message>
    <message>
        <source>ClientSafe menu</source>
        <translation>Menú de ClientSafe</translation>
    </message>
    <message>
        <source>&amp;Check a draft…</source>
        <translation>Revisar un &amp;borrador…</translation>
    </message>
    <message>
        <source>&amp;Pause for 15 minutes</source>
        <translation>&amp;Pausar 15 minutos</translation>
    </message>
    <message>
        <source>Pause for 1 &amp;hour</source>
        <translation>Pausar 1 &amp;hora</translation>
    </message>
    <message>
        <source>&amp;Resume checking now</source>
        <translation>&amp;Reanudar las revisiones ahora</translation>
    </message>
    <message>
        <source>Pair a &amp;browser…</source>
        <translation>&amp;Vincular un navegador…</translation>
    </message>
    <message>
        <source>Client r&amp;oster…</source>
        <translation>&amp;Lista de clientes…</translation>
    </message>
    <message>
        <source>Recent &amp;warnings…</source>
        <translation>&amp;Avisos recientes…</translation>
    </message>
    <message>
        <source>Policy and Community &amp;Standards…</source>
        <translation>Política y normas de la &amp;comunidad…</translation>
    </message>
    <message>
        <source>Community Standards pa&amp;ge…</source>
        <translation>Pá&amp;gina de normas de la comunidad…</translation>
    </message>
    <message>
        <source>&amp;About ClientSafe</source>
        <translation>Acerca &amp;de ClientSafe</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Prac&amp;tice…</source>
        <translation>Prác&amp;tica…</translation>
    </message>
    <message>
        <source>ClientSafe needs IT&apos;s attention</source>
        <translation>ClientSafe necesita la atención de TI</translation>
    </message>
    <message>
        <source>ClientSafe can&apos;t read its keyring</source>
        <translation>ClientSafe no puede leer su llavero</translation>
    </message>
    <message>
        <source>ClientSafe&apos;s audit log is not being written</source>
        <translation>El registro de auditoría de ClientSafe no se está guardando</translation>
    </message>
    <message>
        <source>The disk seems to be full. Checks go on, and what they record waits in memory; free some disk space and it is written when space returns.</source>
        <translation>Parece que el disco está lleno. Las revisiones siguen y lo que registran espera en la memoria; libere algo de espacio en el disco y se guardará cuando haya espacio.</translation>
    </message>
    <message>
        <source>ClientSafe is not protecting you</source>
        <translation>ClientSafe no le está protegiendo</translation>
    </message>
    <message>
        <source>ClientSafe could not start its checker</source>
        <translation>ClientSafe no pudo iniciar su revisor</translation>
    </message>
    <message>
        <source>ClientSafe is still starting</source>
        <translation>ClientSafe todavía se está iniciando</translation>
    </message>
    <message>
        <source>ClientSafe&apos;s client roster changed</source>
        <translation>La lista de clientes de ClientSafe cambió</translation>
    </message>
    <message>
        <source>ClientSafe&apos;s client roster cannot be used</source>
        <translation>No se puede usar la lista de clientes de ClientSafe</translation>
    </message>
    <message>
        <source>{count} clients are now recognised in posts and friend requests.</source>
        <translation>Ahora se reconocen {count} clientes en publicaciones y solicitudes de amistad.</translation>
    </message>
    <message>
        <source>No roster is loaded: ClientSafe no longer recognises clients by name.</source>
        <translation>No hay ninguna lista cargada: ClientSafe ya no reconoce a los clientes por su nombre.</translation>
    </message>
    <message>
        <source>A browser asks to pair with ClientSafe</source>
        <translation>Un navegador pide vincularse con ClientSafe</translation>
    </message>
    <message>
        <source>“{browser}” shows the code {code}. Approve only if your browser shows the same code.</source>
        <translation>“{browser}” muestra el código {code}. Apruébelo solo si su navegador muestra el mismo código.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>client information</source>
        <translation>información de clientes</translation>
    </message>
    <message>
        <source>a site</source>
        <translation>un sitio</translation>
    </message>
    <message>
        <source>ClientSafe held a post on {site}</source>
        <translation>ClientSafe retuvo una publicación en {site}</translation>
    </message>
    <message>
        <source>On {site} ({account}): {kinds}.</source>
        <translation>En {site} ({account}): {kinds}.</translation>
    </message>
    <message>
        <source>Your organisation</source>
        <translation>Su organización</translation>
    </message>
    <message>
        <source>ClientSafe&apos;s policy changed</source>
        <translation>La política de ClientSafe cambió</translation>
    </message>
    <message>
        <source>{org} updated the policy ClientSafe follows (version {version}). It applies from now on.</source>
        <translation>{org} actualizó la política que sigue ClientSafe (versión {version}). Se aplica desde ahora.</translation>
    </message>
    <message>
        <source>A problem with ClientSafe&apos;s policy</source>
        <translation>Un problema con la política de ClientSafe</translation>
    </message>
    <message>
        <source>{problem} The last good policy stays in force; tell IT.</source>
        <translation>{problem} Sigue vigente la última política correcta; avise a TI.</translation>
    </message>
    <message>
        <source>A paired browser has gone quiet</source>
        <translation>Un navegador vinculado dejó de comunicarse</translation>
    </message>
    <message>
        <source>“{browser}” has not been in touch with ClientSafe for over {hours} hours. If its ClientSafe extension was removed or turned off, posts there are not being checked.</source>
        <translation>“{browser}” lleva más de {hours} horas sin comunicarse con ClientSafe. Si su extensión ClientSafe se quitó o se desactivó, allí no se están revisando las publicaciones.</translation>
    </message>
</context>
<context>
    <name>TrayStartup</name>
    <message>
        <source>clientsafe: the checker could not start: {error}</source>
        <translation>clientsafe: el revisor no pudo iniciarse: {error}</translation>
    </message>
    <message>
        <source>ClientSafe ready: checking posts (local service on 127.0.0.1:{port}).</source>
        <translation>ClientSafe está listo: revisa las publicaciones (servicio local en 127.0.0.1:{port}).</translation>
    </message>
    <message>
        <source>ClientSafe started: no system tray here, so it shows a small window instead.</source>
        <translation>ClientSafe se inició: aquí no hay bandeja del sistema, así que muestra una pequeña ventana en su lugar.</translation>
    </message>
    <message>
        <source>ClientSafe started: its icon is in the system tray.</source>
        <translation>ClientSafe se inició: su icono está en la bandeja del sistema.</translation>
    </message>
    <message>
        <source>clientsafe: WARNING: {warning}</source>
        <translation>clientsafe: AVISO: {warning}</translation>
    </message>
    <message>
        <source>ClientSafe stopped.</source>
        <translation>ClientSafe se detuvo.</translation>
    </message>
    <message>
        <source>ClientSafe stopped (the service did not finish in time).</source>
        <translation>ClientSafe se detuvo (el servicio no terminó a tiempo).</translation>
    </message>
    <message>
        <source>ClientSafe is already running; brought it forward.</source>
        <translation>ClientSafe ya está en marcha; se pasó a primer plano.</translation>
    </message>
</context>
<context>
    <name>TrayStatus</name>
    <message>
        <source>ClientSafe is starting</source>
        <translation>ClientSafe se está iniciando</translation>
    </message>
    <message>
        <source>ClientSafe is protecting you</source>
        <translation>ClientSafe le está protegiendo</translation>
    </message>
    <message>
        <source>ClientSafe is paused</source>
        <translation>ClientSafe está en pausa</translation>
    </message>
    <message>
        <source>ClientSafe: no browser paired</source>
        <translation>ClientSafe: ningún navegador vinculado</translation>
    </message>
    <message>
        <source>ClientSafe needs attention</source>
        <translation>ClientSafe necesita atención</translation>
    </message>
    <message>
        <source>Not protecting: ClientSafe could not start</source>
        <translation>Sin protección: ClientSafe no pudo iniciarse</translation>
    </message>
    <message>
        <source>Not protecting: the checker could not start</source>
        <translation>Sin protección: el revisor no pudo iniciarse</translation>
    </message>
    <message>
        <source>Not protecting: unlock your keyring</source>
        <translation>Sin protección: desbloquee su llavero</translation>
    </message>
    <message>
        <source>Protected; unlock your keyring</source>
        <translation>Protegido; desbloquee su llavero</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Paused: checks resume in {minutes} min</source>
        <translation>En pausa: las revisiones vuelven en {minutes} min</translation>
    </message>
    <message>
        <source>Ready: pair a browser to start</source>
        <translation>Listo: vincule un navegador para empezar</translation>
    </message>
    <message>
        <source>Protected; free some disk space</source>
        <translation>Protegido; libere espacio en el disco</translation>
    </message>
    <message>
        <source>Protected; the policy has a problem</source>
        <translation>Protegido; la política tiene un problema</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>Protegido</translation>
    </message>
</context>
<context>
    <name>WarningsWindow</name>
    <message>
        <source>Nothing to show yet: when ClientSafe warns about or holds a post in your browser, it is listed here with the site, the kind of risk and what you chose (never what you wrote).</source>
        <translation>Todavía no hay nada que mostrar: cuando ClientSafe avise sobre una publicación o la retenga en su navegador, aparecerá aquí con el sitio, el tipo de riesgo y lo que usted eligió (nunca lo que escribió).</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Retenida</translation>
    </message>
    <message>
        <source>Could not check</source>
        <translation>No se pudo revisar</translation>
    </message>
    <message>
        <source>Edited the post</source>
        <translation>Editó la publicación</translation>
    </message>
    <message>
        <source>Applied the suggestions</source>
        <translation>Aplicó las sugerencias</translation>
    </message>
    <message>
        <source>Did not post</source>
        <translation>No la publicó</translation>
    </message>
    <message>
        <source>Posted anyway</source>
        <translation>La publicó de todos modos</translation>
    </message>
    <message>
        <source>Went ahead with the request</source>
        <translation>Siguió adelante con la solicitud</translation>
    </message>
    <message>
        <source>Did not connect</source>
        <translation>No se conectó</translation>
    </message>
    <message>
        <source>personal</source>
        <translation>personal</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organización</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Últimos 365 días</translation>
    </message>
    <message>
        <source>Recent warnings — ClientSafe</source>
        <translation>Avisos recientes — ClientSafe</translation>
    </message>
    <message>
        <source>Recent warnings</source>
        <translation>Avisos recientes</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>&amp;Sitio:</translation>
    </message>
    <message>
        <source>Show warnings from this site</source>
        <translation>Mostrar los avisos de este sitio</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>Show warnings from this period</source>
        <translation>Mostrar los avisos de este periodo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sitio</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Mostrado</translation>
    </message>
    <message>
        <source>Kind of risk</source>
        <translation>Tipo de riesgo</translation>
    </message>
    <message>
        <source>What you chose</source>
        <translation>Lo que eligió</translation>
    </message>
    <message>
        <source>No warnings yet</source>
        <translation>Todavía no hay avisos</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Exportar como CSV</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>The audit could not be read: {error}</source>
        <translation>No se pudo leer la auditoría: {error}</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Todos los sitios</translation>
    </message>
    <message>
        <source>Export warnings as CSV</source>
        <translation>Exportar los avisos como CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not export: {error}. Choose another folder and try again.</source>
        <translation>No se pudo exportar: {error}. Elija otra carpeta y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Exported {count} events to {path}.</source>
        <translation>Se exportaron {count} eventos a {path}.</translation>
    </message>
</context>
</TS>
