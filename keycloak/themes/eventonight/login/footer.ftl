<#-- EventoNight (ADR 0033): a way back to the app under every card, except on the error and info
     pages, whose own text already ends with that link. -->
<#macro content>
    <#if client?? && (client.baseUrl)?has_content && pageId != "error" && pageId != "info">
        <p class="en-footer"><a id="en-back-to-app" href="${client.baseUrl}">${msg("eventonightBackToApp")}</a></p>
    </#if>
</#macro>
