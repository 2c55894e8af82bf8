/*
 * Block-page and false-positive signatures from Censored Planet
 * (github.com/censoredplanet/assets-censoredplanet @ fcbafca67a11d654ca0ae484112e95fded2b2baf,
 * blockpage_signatures.json and false_positive_signatures.json), converted verbatim from JSON Lines.
 * Patterns are PCRE matched against the raw response (status line, headers, body).
 *
 * BSD 3-Clause License
 *
 * Copyright (c) 2020, Censored Planet
 * All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 *
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the documentation
 *    and/or other materials provided with the distribution.
 *
 * 3. Neither the name of the copyright holder nor the names of its
 *    contributors may be used to endorse or promote products derived from
 *    this software without specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
 * AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
 * IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

export interface Signature {
  fingerprint: string;
  pattern: string;
}

export const CENSOREDPLANET_BLOCKPAGES: readonly Signature[] = [
{
"fingerprint": "a_prod_barracuda_1",
"pattern": "<th>Barracuda NextGen Firewall:</th>"
},
{
"fingerprint": "a_prod_barracuda_2",
"pattern": "Server: Barracuda/NGFirewall"
},
{
"fingerprint": "a_prod_fortinet_1",
"pattern": "FortiGuard Web Filtering"
},
{
"fingerprint": "a_prod_fortinet_2",
"pattern": "fortinet\\.net"
},
{
"fingerprint": "a_prod_fortinet_3",
"pattern": "<br/>Attack ID: 20000"
},
{
"fingerprint": "a_prod_fortinet_4",
"pattern": "Powered By Fortinet"
},
{
"fingerprint": "a_prod_fortinet_5",
"pattern": "FortiGate Application Control"
},
{
"fingerprint": "a_prod_fortinet_6",
"pattern": "The page you have requested has been blocked, because the URL is banned\\."
},
{
"fingerprint": "a_prod_fortinet_7",
"pattern": "Application Blocked"
},
{
"fingerprint": "a_prod_fortinet_8",
"pattern": "Webfilter Violation"
},
{
"fingerprint": "a_prod_cacheflow",
"pattern": "Please verify that the server you are attempting to contact is correct\\.  Continued failures will result in a complete revocation of access\\."
},
{
"fingerprint": "a_prod_juniper",
"pattern": "Juniper Web Filtering"
},
{
"fingerprint": "a_prod_paloalto_1",
"pattern": "Access to the web page you were trying to visit has been blocked in accordance with"
},
{
"fingerprint": "a_prod_paloalto_2",
"pattern": "<body bgcolor=\"#e7e8e9\"><div id=\"content\"><h1>Web Page Blocked</h1>"
},
{
"fingerprint": "a_prod_paloalto_3",
"pattern": "<p class=\"style17\" align=\"center\"><strong>Blocked by browsing policy</strong></p>"
},
{
"fingerprint": "a_prod_paloalto_4",
"pattern": "Accesstothewebpageyouweretryingtovisithasbeenblockedinaccordancewith"
},
{
"fingerprint": "a_prod_paloalto_5",
"pattern": "<p>Access to the application you were trying to use has been blocked in accordance with"
},
{
"fingerprint": "a_prod_paloalto_6",
"pattern": "Please contact your system administrator if you believe this is in error"
},
{
"fingerprint": "a_prod_paloalto_7",
"pattern": "<title>Takmarkað aðgengi</title>"
},
{
"fingerprint": "a_prod_paloalto_8",
"pattern": "Application Control Verification"
},
{
"fingerprint": "a_prod_webkeeper",
"pattern": "webkeeper_web/forbidden\\.jsp"
},
{
"fingerprint": "a_prod_sonicwall_1",
"pattern": "If you believe the above web site is rated incorrectly click <a href=\"http://cfssupport.sonicwall.com/\""
},
{
"fingerprint": "a_prod_sonicwall_2",
"pattern": "SonicWALL - Web Site Blocked"
},
{
"fingerprint": "a_prod_sonicwall_3",
"pattern": "http://cfssupport\\.sonicwall\\.com"
},
{
"fingerprint": "a_prod_watchguard_1",
"pattern": "Request denied by WatchGuard HTTP Proxy"
},
{
"fingerprint": "a_prod_watchguard_2",
"pattern": "WatchGuard Firewall"
},
{
"fingerprint": "a_prod_watchguard_3",
"pattern": "<title>Response denied by WatchGuard HTTP Proxy</title>"
},
{
"fingerprint": "a_prod_cisco",
"pattern": "<strong>You are attempting to access a forbidden site\\.</strong><br/><br/>"
},
{
"fingerprint": "a_prod_ibm_qradar",
"pattern": "The system has blocked access to the website according to your company policy\\."
},
{
"fingerprint": "a_prod_smartxfilter",
"pattern": "SmartXFilter Message"
},
{
"fingerprint": "a_prod_sucurifw_1",
"pattern": "Sucuri WebSite Firewall - Access Denied"
},
{
"fingerprint": "a_prod_sucurifw_2",
"pattern": "Sucuri WebSite Firewall"
},
{
"fingerprint": "a_prod_senhua",
"pattern": "/senhuablock\\.htm\";"
},
{
"fingerprint": "a_prod_squid_1",
"pattern": "\\(104\\) Connection reset by peer</I></PRE>"
},
{
"fingerprint": "a_prod_allot",
"pattern": "<IMG src=\"http://www\\.allot\\.com/images/allot_logo\\.gif\">"
},
{
"fingerprint": "a_prod_vasexperts",
"pattern": "http://vasexperts\\.ru/test/blocked\\.php"
},
{
"fingerprint": "a_prod_netentsec",
"pattern": "<title>NetentSec Content Filter - Access Denied</title>"
},
{
"fingerprint": "a_prod_totalav",
"pattern": "<title>Total AV Blocked</title>"
},
{
"fingerprint": "a_prod_pustekkom_id",
"pattern": "<h1>Pustekkom Web Filtering</h1>"
},
{
"fingerprint": "a_prod_mcafee_1",
"pattern": "McAfee Web Gateway - Notification - Blocked by URL filtering"
},
{
"fingerprint": "a_prod_mcafee_2",
"pattern": "McAfee Web Gateway - Notification - Blocked by GTI Reputation"
},
{
"fingerprint": "a_prod_kaspersky_1",
"pattern": "Kaspersky Internet Security"
},
{
"fingerprint": "a_prod_ddos_guard",
"pattern": "DDOS-GUARD"
},
{
"fingerprint": "a_prod_eset_1",
"pattern": "Alert! - ESET Endpoint Antivirus"
},
{
"fingerprint": "a_prod_eset_2",
"pattern": "Alerta! - ESET File Security"
},
{
"fingerprint": "a_prod_kaspersky_2",
"pattern": "Kaspersky Anti-Virus"
},
{
"fingerprint": "a_prod_spirdergate",
"pattern": "URL is blocked by SpIDer Gate"
},
{
"fingerprint": "a_prod_drweb_1",
"pattern": "<title>Dr\\.Web strongly advises you against visiting this website</title>"
},
{
"fingerprint": "a_prod_drweb_2",
"pattern": "https://support\\.drweb\\.com/new/urlfilter"
},
{
"fingerprint": "a_prod_drweb_3",
"pattern": "URL .* Sp.*er Gate"
},
{
"fingerprint": "a_prod_eset_3",
"pattern": "Alert! - ESET File Security"
},
{
"fingerprint": "a_prod_mcafee_3",
"pattern": " <title>McAfee Web Gateway - Notification - Blocked by URL filtering</title>"
},
{
"fingerprint": "a_prod_totalav_3",
"pattern": "otal AV Bloccato"
},
{
"fingerprint": "a_prod_totalav_4",
"pattern": "Total AV Bloqueados"
},
{
"fingerprint": "a_prod_btkfilter",
"pattern": "policyName=BTK_FILTER"
},
{
"fingerprint": "a_prod_msecure",
"pattern": "MSecure_WebSecurit_block_files/colorschememapping\\.xml"
},
{
"fingerprint": "a_prod_msecure_2",
"pattern": "MSecure_WebSecurit_block_files"
},
{
"fingerprint": "a_prod_pantheon",
"pattern": "This site is locked"
},
{
"fingerprint": "a_prod_webknight_firewall",
"pattern": "WebKnight Application Firewall Alert"
},
{
"fingerprint": "a_prod_trend_micro_interscan",
"pattern": "Blocking rule"
},
{
"fingerprint": "a_prod_akamai_etp",
"pattern": "http://error\\.etp\\.akamai\\.com/error\\.html"
},
{
"fingerprint": "a_prod_opendns_1",
"pattern": "https://block\\.opendns\\.com"
},
{
"fingerprint": "a_prod_opendns_2",
"pattern": "https://malware\\.opendns\\.com"
},
{
"fingerprint": "a_prod_huawei_esight",
"pattern": "Server: V2R2C00-IAE/1.0"
},
{
"fingerprint": "a_prod_kerio_control",
"pattern": "Это сообщение создано прокси-сервером Kerio Control"
},
{
"fingerprint": "b_nat_ir_national_1",
"pattern": "10\\.10\\.34\\.35"
},
{
"fingerprint": "b_nat_ir_national_2",
"pattern": "10\\.10\\.34\\.34"
},
{
"fingerprint": "b_nat_ir_national_3",
"pattern": "10\\.10\\.34\\.36"
},
{
"fingerprint": "b_nat_sa_national",
"pattern": "<title> Blocked URL العنوان محجو"
},
{
"fingerprint": "b_nat_sa_national_2",
"pattern": "If you believe the requested page should not be blocked please.*http://www\\.internet\\.gov\\.sa"
},
{
"fingerprint": "b_nat_sa_violating_regulations",
"pattern": "Sorry, the requested page is violating the regulations of"
},
{
"fingerprint": "b_nat_bh_national",
"pattern": "http://www\\.anonymous\\.com\\.bh/"
},
{
"fingerprint": "b_nat_kr_comm",
"pattern": "warning\\.or\\.kr"
},
{
"fingerprint": "b_nat_kr_comm_2",
"pattern": "rning\\.or\\.kr"
},
{
"fingerprint": "b_nat_kr_comm_3",
"pattern": "or\\.kr/i2\\.html"
},
{
"fingerprint": "b_nat_pak_isp_common_blockpage",
"pattern": "prohibited for viewership from within Pakistan"
},
{
"fingerprint": "b_nat_slovakia",
"pattern": "www\\.overithraca\\.sk/webblokovany"
},
{
"fingerprint": "b_nat_id_kominfo",
"pattern": "https://trustpositif\\.kominfo\\.go\\.id/"
},
{
"fingerprint": "b_nat_columbia_gambling",
"pattern": "http://www\\.coljuegos\\.gov\\.co/publicaciones/301824"
},
{
"fingerprint": "b_nat_columbia_gambling_2",
"pattern": "www\\.coljuegos\\.gov\\.co/"
},
{
"fingerprint": "b_nat_ru",
"pattern": "http://graph\\.document\\.kremlin\\.ru/page\\.aspx"
},
{
"fingerprint": "b_nat_ru_rkn",
"pattern": "http://blocklist\\.rkn\\.gov\\.ru/"
},
{
"fingerprint": "b_nat_th_illegal",
"pattern": "https://illegal\\.mdes\\.go\\.th"
},
{
"fingerprint": "b_nat_no_fd",
"pattern": "<title>Forsvarsdepartementets retningslinjer - Svartelistet applikasjon</title>"
},
{
"fingerprint": "c_isp_lb_general",
"pattern": "THIS WEBSITE HAS BEEN BLOCKED BASED ON A COURT ORDER FROM THE LEBANESE JUDICIAL SYSTEM\\."
},
{
"fingerprint": "c_isp_ae_etislat",
"pattern": "http://proxy\\.etisalat\\.ae/"
},
{
"fingerprint": "c_isp_kg_elcat",
"pattern": "<p class=\"error\">Access to the requested website has been blocked by judicial decision!</p>"
},
{
"fingerprint": "c_isp_in_court_order",
"pattern": "The access to this site is prohibited as per instructions from Authority\\(s\\)/Honorable Court Order"
},
{
"fingerprint": "c_isp_in_court_order_2",
"pattern": "Access Denied as per DOT/TRAI Guidelines - By Order </H1>"
},
{
"fingerprint": "c_isp_ic_stef",
"pattern": "október 2015 lagði Sýslumaðurinn í Reykjavík að ósk STEF lögbann við að Hringiðan veiti viðskiptavinum sínum aðgang að þessu vefsvæði\\."
},
{
"fingerprint": "c_isp_ci_mtn",
"pattern": "http://www\\.mtn\\.ci/MTNCI/SiteCollectionImages/global/mtn_logo\\.png"
},
{
"fingerprint": "c_isp_in_airtel",
"pattern": "<iframe src=\"http://www\\.airtel\\.in/dot/\""
},
{
"fingerprint": "c_isp_kw_zain",
"pattern": "<iframe src=\"http://restrict\\.kw\\.zain\\.com:8080/webadmin/deny/index\\.php\\?"
},
{
"fingerprint": "c_isp_ko_skt",
"pattern": "<frame src=\"http://cleanmobile01\\.nate\\.com/sub_block\\.html\\?"
},
{
"fingerprint": "c_isp_pk_witribe",
"pattern": "redirect\\.wi-tribe\\.net\\.pk/alert/"
},
{
"fingerprint": "c_isp_co_ert",
"pattern": "http://190\\.6\\.160\\.34/"
},
{
"fingerprint": "c_isp_be_telenet",
"pattern": "networkmsg\\.telenet\\.be/blocked/bea/"
},
{
"fingerprint": "c_isp_cn_runxun",
"pattern": "http://www\\.runxun\\.com/weibeian\\.html"
},
{
"fingerprint": "c_isp_re_rosintel",
"pattern": "http://block\\.rosintel\\.tk/\\?"
},
{
"fingerprint": "c_isp_id_hypernet",
"pattern": "http://sehat\\.hypernet\\.co\\.id"
},
{
"fingerprint": "c_isp_dk_tdc",
"pattern": "mailto:filter-stopside@tdc\\.dk"
},
{
"fingerprint": "c_isp_kw_kems",
"pattern": "http://blocked\\.kems\\.net"
},
{
"fingerprint": "c_isp_pk_wateen",
"pattern": "http://restrict\\.wateen\\.net/"
},
{
"fingerprint": "c_isp_pk_wateen_2",
"pattern": "restrictk\\.wateen\\.net"
},
{
"fingerprint": "c_isp_ru_radugainternet",
"pattern": "http://radugainternet\\.ru/kasat/access-error"
},
{
"fingerprint": "c_isp_ru_sibset",
"pattern": "http://211\\.ru/149\\.html"
},
{
"fingerprint": "c_isp_ru_alestanet",
"pattern": "http://zapret\\.alestanet\\.ru/"
},
{
"fingerprint": "c_isp_ru_post",
"pattern": "http://blockpage\\.kmv\\.ru"
},
{
"fingerprint": "c_isp_ru_vsevnet",
"pattern": "http://vsevnet\\.ru/zapr_site\\.html"
},
{
"fingerprint": "c_isp_ru_mediakvant",
"pattern": "http://mediakvant\\.ru/block"
},
{
"fingerprint": "c_isp_ru_ita",
"pattern": " https://rta-telecom\\.ru/deny\\.html"
},
{
"fingerprint": "c_isp_ru_arbuz",
"pattern": "http://www\\.arbuz\\.ru/zapret\\.htm"
},
{
"fingerprint": "c_isp_ru_omkc",
"pattern": "http://217\\.25\\.208\\.13"
},
{
"fingerprint": "c_isp_ru_at_home",
"pattern": "http://zapret-info\\.b2b\\.at-home\\.ru"
},
{
"fingerprint": "c_isp_ru_enicom",
"pattern": "http://alert\\.enicom\\.ru:81/"
},
{
"fingerprint": "c_isp_ru_signaltv",
"pattern": "http://detect-web\\.signaltv\\.net/3/"
},
{
"fingerprint": "c_isp_ru_insysnet",
"pattern": "http://blackhole\\.insysnet\\.ru/zapret-info-tst\\.html"
},
{
"fingerprint": "c_isp_ru_masterra",
"pattern": "http://noaccess\\.masterra\\.ru/zapret/"
},
{
"fingerprint": "c_isp_ru_kividex",
"pattern": "http://blocked\\.kvidex\\.ru/"
},
{
"fingerprint": "c_isp_ru_taiget",
"pattern": "http://hold\\.taiget\\.ru/block"
},
{
"fingerprint": "c_isp_ru_weba",
"pattern": "http://secure\\.weba\\.ru/"
},
{
"fingerprint": "c_isp_ru_edpnet",
"pattern": "http://stop\\.edpnet\\.net/ru-censored/"
},
{
"fingerprint": "c_isp_ru_telemagadan",
"pattern": "http://www\\.telemagadan\\.ru/"
},
{
"fingerprint": "c_isp_ru_telemagdan_2",
"pattern": "http://www\\.telemagadan\\.ru/bloked\\.php"
},
{
"fingerprint": "c_isp_ru_it_internet",
"pattern": "http://it-internet\\.ru/index\\.php\\?"
},
{
"fingerprint": "c_isp_ru_communication",
"pattern": "http://gksvyaz\\.ru/"
},
{
"fingerprint": "c_isp_ru_infodom",
"pattern": "http://host72\\.ru/blocked/"
},
{
"fingerprint": "c_isp_ru_tscrimea_2",
"pattern": "ttp://rknblock\\.tscrimea\\.ru"
},
{
"fingerprint": "c_isp_ru_tscrimea_3",
"pattern": "http://rknblock\\.tscrimea\\.com"
},
{
"fingerprint": "c_isp_ru_novotelecom_2",
"pattern": "http://zapret\\.2090000\\.ru"
},
{
"fingerprint": "c_isp_ru_taiget",
"pattern": "https://hold\\.taiget\\.ru/block\\?"
},
{
"fingerprint": "c_isp_ru_divo_2",
"pattern": "https://www\\.divo\\.ru/"
},
{
"fingerprint": "c_isp_ru_iterika_2",
"pattern": "http://iterika\\.ru/blocked\\.html\\?"
},
{
"fingerprint": "c_isp_ru_teleseti",
"pattern": "http://www\\.teleseti\\.com/"
},
{
"fingerprint": "c_isp_ru_convex",
"pattern": "http://ban\\.convex\\.ru/index\\.html"
},
{
"fingerprint": "c_isp_ru_rvso",
"pattern": "http://billing\\.spb\\.rsvo\\.ru/blocked/blocked\\.html"
},
{
"fingerprint": "c_isp_ru_peter",
"pattern": "http://blackhole\\.piter-telecom\\.ru/"
},
{
"fingerprint": "c_isp_ru_wiland",
"pattern": "http://blocked\\.wiland\\.ru/"
},
{
"fingerprint": "c_isp_ru_kamenkstel",
"pattern": "http://block\\.kamensktel\\.ru/"
},
{
"fingerprint": "c_isp_ru_avantel_1",
"pattern": "http://block\\.msk\\.avantel\\.ru/"
},
{
"fingerprint": "c_isp_ru_avantel_2",
"pattern": "http://block\\.msk\\.avantel\\.ru\\?"
},
{
"fingerprint": "c_isp_ru_orion",
"pattern": "http://block\\.orionnet\\.ru/index-zapret\\.php"
},
{
"fingerprint": "c_isp_ru_sivash",
"pattern": "http://block\\.sivash\\.net/index\\.html"
},
{
"fingerprint": "c_isp_ru_strela",
"pattern": "http://block\\.strelatelecom\\.ru"
},
{
"fingerprint": "c_isp_ru_game_service",
"pattern": "http://close\\.g-service\\.ru/access_denied_op\\.html"
},
{
"fingerprint": "c_isp_ru_infolink",
"pattern": "http://infolink\\.ru/messages/180\\.html"
},
{
"fingerprint": "c_isp_ru_intertax",
"pattern": "http://krsn\\.ru/redir/extrim/"
},
{
"fingerprint": "c_isp_ru_east_media",
"pattern": "http://law\\.vms56\\.ru/law\\.html"
},
{
"fingerprint": "c_isp_ru_east_media_2",
"pattern": "http://law\\.vms56\\.ru"
},
{
"fingerprint": "c_isp_ru_sky@net",
"pattern": "https://redirects\\.tvhost\\.ru/ban/"
},
{
"fingerprint": "c_isp_ru_sevstar",
"pattern": "http://rublacklist\\.sevstar\\.net/"
},
{
"fingerprint": "c_isp_ru_sevstar_2",
"pattern": "http://rublacklist\\.sevstar\\.net"
},
{
"fingerprint": "c_isp_ru_altegrosky",
"pattern": "https://07\\.altegrosky\\.ru/180\\.html"
},
{
"fingerprint": "c_isp_ru_dtel",
"pattern": "https://dtel\\.ru/block\\.htm"
},
{
"fingerprint": "c_isp_ru_goodline",
"pattern": "http://site-blocked\\.ru/"
},
{
"fingerprint": "c_isp_ru_goodline_2",
"pattern": "https://lk\\.goodline\\.info/middlestatus\\.html"
},
{
"fingerprint": "c_isp_ru_dianet",
"pattern": "http://stub\\.dianet\\.ru/forbidden/"
},
{
"fingerprint": "c_isp_ru_maglan",
"pattern": "http://www\\.maglan\\.ru/internet/blocked"
},
{
"fingerprint": "c_isp_ru_skynet",
"pattern": "http://www\\.skynet-kazan\\.com/_blocked\\.htm"
},
{
"fingerprint": "c_isp_ru_sibitex",
"pattern": "http://www\\.tmn\\.rblocked\\.mts\\.ruu/cgi-bin/stub_html"
},
{
"fingerprint": "c_isp_ru_sibitex_2",
"pattern": "http://www\\.tmn\\.ru/cgi-bin/stub_html\\.pl"
},
{
"fingerprint": "c_isp_ru_novotelecom",
"pattern": "http://zapret\\.2090000\\.ru/"
},
{
"fingerprint": "c_isp_ru_yota",
"pattern": "forbidden\\.yota\\.ru"
},
{
"fingerprint": "c_isp_ru_dsi",
"pattern": "zapret-info\\.dsi\\.ru"
},
{
"fingerprint": "c_isp_ru_kristel",
"pattern": "www\\.kristel\\.ru/\\?mode=zapret"
},
{
"fingerprint": "c_isp_ru_itnet_1",
"pattern": "block\\.itnet33\\.ru/info/forbiddens\\.php\\?"
},
{
"fingerprint": "c_isp_ru_westlan",
"pattern": "block\\.westlan\\.ru"
},
{
"fingerprint": "c_isp_ru_ugmk",
"pattern": "blocked\\.ugmk-telecom\\.ru"
},
{
"fingerprint": "c_isp_ru_spacenet",
"pattern": "deny\\.spacenet\\.ru/"
},
{
"fingerprint": "c_isp_ru_acme",
"pattern": "intel\\.acmetelecom\\.ru/block\\.htm"
},
{
"fingerprint": "c_isp_ru_iterika",
"pattern": "iterika\\.ru/blocked\\.html\\?"
},
{
"fingerprint": "c_isp_ru_mosnet",
"pattern": "mosnet\\.ru/customers/obsluzhivanie/blocked-site\\.html"
},
{
"fingerprint": "c_isp_ru_metronet",
"pattern": "https://www\\.metro-set\\.ru/zapret"
},
{
"fingerprint": "c_isp_ru_metronet_2",
"pattern": "http://www\\.metro-set\\.ru/zapret"
},
{
"fingerprint": "c_isp_ru_redcom",
"pattern": "https://redcom\\.ru/law/index\\.html"
},
{
"fingerprint": "c_isp_ru_bashtel",
"pattern": "notify\\.bashtel\\.ru/block-rkn/"
},
{
"fingerprint": "c_isp_ru_tscrimea",
"pattern": "rknblock\\.tscrimea\\.com/"
},
{
"fingerprint": "c_isp_ru_iks",
"pattern": "http://zapret\\.iks\\.ru/"
},
{
"fingerprint": "c_isp_ru_divo",
"pattern": "https://www\\.divo\\.ru/%D0%B4%D0%B0%D0%BD%D0%BD%D1%8B%D0%B9-%D1%80%D0%B5%D1%81%D1%83%D1%80%D1%81-%D0%B7%D0%B0%D0%B1%D0%BB%D0%BE%D0%BA%D0%B8%D1%80%D0%BE%D0%B2%D0%B0%D0%BD/\\?"
},
{
"fingerprint": "c_isp_ru_beeline",
"pattern": "blackhole\\.beeline\\.ru"
},
{
"fingerprint": "c_isp_ru_mts",
"pattern": "blocked\\.mts\\.ru"
},
{
"fingerprint": "c_isp_ru_flex",
"pattern": "flex\\.ru/zapret\\.html"
},
{
"fingerprint": "c_isp_ru_pjscrostelekom",
"pattern": "<a class=\"logo\" href=\"https://rt\\.ru/\\?utm_source=warningpage&utm_campaign=logo&utm_content=main\">"
},
{
"fingerprint": "c_isp_ru_mgts",
"pattern": "<div class=\"footer_cell\">&copy; 2019, ПАО МГТС</div>"
},
{
"fingerprint": "c_isp_ru_generalbp1",
"pattern": "Доступ к запрашиваемому ресурсу ограничен\\.</b></h1>"
},
{
"fingerprint": "c_isp_ru_generalbp2",
"pattern": "<p>Искомый домен внесен в РЕЕСТР доменных имен, указателей страниц сайтов в сети «Интернет» и сетевых адресов, позволяющих идентифицировать сайты в сети «Интернет», содержащие информацию, распространение которой в Российской Федерации запрещено</p>"
},
{
"fingerprint": "c_isp_ru_generalbp11",
"pattern": "<p style=\"text-align: justify; font-size: 14pt;margin-top:15px;text-indent:30px;\"><b>Доступ к данному сайту \\(странице сайта\\) ограничен в соответствии с требованиями ФЗ  «Об информации, информационных технологиях и о защите информации» N 149-ФЗ от 27 июля 2006 года в связи с его включением уполномоченным органом \\(Роскомнадзор\\) в Единый реестр доменных имен, указателей страниц сайтов в сети \"Интернет\" и сетевых адресов, позволяющих идентифицировать сайты в сети \"Интернет\", содержащие информацию распространение которой в Российской Федерации запрещено, в том числе содержащие информацию, распространяемую с нарушением исключительных прав или содержащие призывы к массовым беспорядкам, осуществлению экстремистской деятельности, участию в массовых \\(публичных\\) мероприятиях, проводимых с нарушением установленного порядка\\.</b></p>"
},
{
"fingerprint": "c_isp_ru_generalbp3",
"pattern": "<h1>Уважаемые пользователи! Приносим свои извинения, доступ к информационному ресурсу ограничен на основании Федерального закона от 27 июля 2006 г\\. № 149-ФЗ «Об информации, информационных технологиях и защите информации»</h1>"
},
{
"fingerprint": "c_isp_ru_generalbp4",
"pattern": "<a href=\"https://ru\\.wikipedia\\.org/wiki/Федеральный_закон_№_398-ФЗ_от_28_декабря_2013_года\">398 ФЗ</a>\\.</p>"
},
{
"fingerprint": "c_isp_ru_generalbp5",
"pattern": "src=\"http://www\\.ferra\\.ru/images/416/416695\\.jpeg\""
},
{
"fingerprint": "c_isp_ru_generalbp6",
"pattern": "<h1 class=\"message__title\">Доступ к информационному ресурсу ограничен на основании ФЗ от 27\\.07\\.2006 г\\. №149-ФЗ \"Об информации, информационных технологиях и о защите информации\"</h1>"
},
{
"fingerprint": "c_isp_ru_generalbp7",
"pattern": "<p>Доступ к запрашиваемому Вами ресурсу Интернет ограничен в соответствии с требованиями законодательства\\.</p>"
},
{
"fingerprint": "c_isp_ru_mark",
"pattern": "<p>Марк</p>"
},
{
"fingerprint": "c_isp_ru_akado",
"pattern": "<p>ОАО «КОМКОР»\\. Россия, 117535, г\\. Москва, Варшавское шоссе, д\\. 133\\. ИНН 7717020170  ОГРН 1027739387521</p>"
},
{
"fingerprint": "c_isp_ru_generalbp9",
"pattern": "<!-- saved from url=\\(0020\\)http://95\\.167\\.13\\.50/ -->"
},
{
"fingerprint": "c_isp_ru_a_prod_vasexperts",
"pattern": "<p>Если Вы считаете, что запрашиваемый Вами материал заблокирован некорректно - обратитесь в службу технической поддержки по электронной почте: <a href=\"mailto:support@vasexperts\\.ru\">support&#0064;vasexperts\\.ru</a>\\.</p>"
},
{
"fingerprint": "c_isp_ru_generalbp10",
"pattern": "</h1><p>Если Вы считаете, что включение ip-адреса нужного Вам интернет-ресурса в \"Единый реестр\\.\\.\\.\" или \"Реестр доменных имен\\.\\.\\.\" произошло по ошибке, или оно нарушает Ваши законные права, пожалуйста, обращайтесь непосредственно к уполномоченному органу по координатам на интернет-сайте реестра\\.</p></div><a href=\"http://blocklist\\.rkn\\.gov\\.ru/\">Перейти на сайт<br />"
},
{
"fingerprint": "c_isp_puntonet",
"pattern": "<title>Aplicación Bloqueada</title>"
},
{
"fingerprint": "c_isp_cbn",
"pattern": "Block Page - CBN Internet"
},
{
"fingerprint": "c_isp_viettel",
"pattern": "Access denied · Viettel WAF"
},
{
"fingerprint": "c_isp_ru_schelkovonet",
"pattern": "http://blacklist\\.schelkovo-net\\.ru/\\?"
},
{
"fingerprint": "c_isp_ru_itnet_2",
"pattern": "http://block\\.itnet33\\.ru/info/forbiddens\\.php"
},
{
"fingerprint": "c_isp_ru_tkmiran",
"pattern": "http://block\\.tk-miran\\.ru/block\\.php\\?"
},
{
"fingerprint": "c_isp_sg_general",
"pattern": "Access to the website has been blocked pursuant to an Order of the High Court of Singapore\\."
},
{
"fingerprint": "c_isp_sg_general_2",
"pattern": "The High Court of Singapore has ordered a blocking of access to the online location you are attempting to reach as it violates the Copyright Act\\."
},
{
"fingerprint": "c_isp_in_sunnnetwork",
"pattern": "<a href=\"intrusion@sunnetwork\\.in\" target=\"_blank\">intrusion@sunnetwork\\.in</a>"
},
{
"fingerprint": "c_isp_in_generic_dot_1",
"pattern": "blocked as per instructions from Department of Telecommunications of India"
},
{
"fingerprint": "c_isp_in_generic_dot_2",
"pattern": "Your requested URL has been blocked as per the directions received from Department of Telecommunications, Government of India"
},
{
"fingerprint": "c_isp_ua_president_decree",
"pattern": "Блокування сайтів Указом Президента України від"
},
{
"fingerprint": "c_isp_id_utaramedia",
"pattern": "block\\.utaramedia\\.net"
},
{
"fingerprint": "c_isp_id_indosat",
"pattern": "<title>Netsafe IndosatM2</title>"
},
{
"fingerprint": "c_isp_id_melsa",
"pattern": "http://www\\.melsa\\.net\\.id/main/blocked"
},
{
"fingerprint": "c_isp_id_govt_trustpositive_1",
"pattern": "<title>Internet Positif</title>"
},
{
"fingerprint": "c_isp_id_govt_trustpositive_2",
"pattern": "TRUST POSITIF"
},
{
"fingerprint": "c_isp_ro_onjn_1",
"pattern": "Accesul dumneavoastră către acest site a fost restricționat de Oficiul Național pentru Jocuri de Noroc"
},
{
"fingerprint": "c_isp_ro_onjn_2",
"pattern": "Accesul dumneavoastră către acest site a fost restricționat de Oficiul Național pentru Jocuri de Noroc\\."
},
{
"fingerprint": "c_isp_no_breiband",
"pattern": "Tingretten har pålagt Breiband\\.no og andre internett-tilbydere å iverksette DNS-blokkering av dette nettstedet"
},
{
"fingerprint": "c_isp_cy_nba",
"pattern": "https://nba\\.gov\\.cy/"
},
{
"fingerprint": "d_corp_dk_statens_it",
"pattern": "blokeret"
},
{
"fingerprint": "d_corp_bh_viva",
"pattern": "<a href=\"http://www\\.myviva\\.com\\.bh/sites/ITServices/Pages/webFilteringRequest\\.aspx\">Web Filtering Exception Request</a>"
},
{
"fingerprint": "d_corp_ru_elko",
"pattern": "<a href=\"http://www\\.elkogroup\\.com\" title=\"Elko Group\" class=\"logo\">ELKO Group</a>"
},
{
"fingerprint": "d_corp_iq_auis",
"pattern": "http://172\\.30\\.0\\.99:8080/auis-logo\\.jpg"
},
{
"fingerprint": "d_corp_br_gov",
"pattern": "servicedesk@gdfnet\\.df\\.gov\\.br"
},
{
"fingerprint": "d_corp_ye_teleyemen",
"pattern": "IT\\.Security@TeleYemen\\.com\\.ye"
},
{
"fingerprint": "d_corp_sg_nus",
"pattern": "Access to this website is restricted by NUS"
},
{
"fingerprint": "d_corp_us_nwu",
"pattern": "The resource you are trying to access is being blocked by the Northwestern IT Information Security team"
},
{
"fingerprint": "d_corp_dk_adgan",
"pattern": "Ingen adgang til denne side"
},
{
"fingerprint": "d_corp_kr_gnu",
"pattern": "/websray/wbs_access_deny_2\\.gif"
},
{
"fingerprint": "d_corp_stcs_sa",
"pattern": "http://stcs-dotsweb\\.stcs\\.com\\.sa/index\\.html"
},
{
"fingerprint": "d_corp_ru_it_grad",
"pattern": "https://www\\.it-grad\\.ru/blockpage\\.html"
},
{
"fingerprint": "d_corp_ru_it_grad_2",
"pattern": "http://www\\.it-grad\\.ru/blockpage\\.html"
},
{
"fingerprint": "d_corp_ru_govorit",
"pattern": "http://blockpage\\.govorit\\.ru/"
},
{
"fingerprint": "d_corp_ru_pu",
"pattern": "http://block\\.pu\\.ru/warning-blocked\\.html"
},
{
"fingerprint": "d_corp_ru_pstu",
"pattern": "http://blocked\\.pstu\\.ru"
},
{
"fingerprint": "d_corp_col_uniminuto",
"pattern": "<p>Lo sentimos, el acceso a este sitio se encuentra restringido debido a que puede incluir contenido no apto\\. Si considera que es un error comuníquese con el Centro de Experiencia Tecnológica 2916520 Ext 6622 o gestione la solicitud por la herramienta <a href=\"http://soporte\\.uniminuto\\.edu/glpi/\">aquí\\.</a></p>"
},
{
"fingerprint": "d_corp_cfe_mx",
"pattern": "<title>PAGINA BLOQUEADA</title>"
},
{
"fingerprint": "d_corp_cfe_mx_2",
"pattern": "BLOQUEADA</h1>"
},
{
"fingerprint": "d_corp_mabe_mx",
"pattern": "mailto:service\\.desk@mabe\\.com\\.mx"
},
{
"fingerprint": "d_corp_gob_ec",
"pattern": "This site is blocked because it violates network policy"
},
{
"fingerprint": "d_corp_cardiff",
"pattern": "<title>Cardiff University :: Application Blocked</title>"
},
{
"fingerprint": "d_corp_nyu",
"pattern": "contact the NYU IT Service Desk AskIT@nyu\\.edu"
},
{
"fingerprint": "d_corp_Grupo_energia",
"pattern": "Por politicas de seguridad de la informacion del Grupo Energia Bogota, este acceso se encuentra restringido"
},
{
"fingerprint": "d_corp_tencent",
"pattern": " http://imgcache\\.qq\\.com/wss/beian/static/block\\.html"
},
{
"fingerprint": "d_corp_qcloud_1",
"pattern": "https://dnspod\\.qcloud\\.com/static/webblock\\.html\\?d="
},
{
"fingerprint": "d_corp_qcloud_2",
"pattern": "https://dnspod\\.qcloud\\.com/static/block\\.html\\?d="
},
{
"fingerprint": "d_corp_dns_gd",
"pattern": "http://www\\.dns\\.gd\\.cn/index\\.html\\?url="
},
{
"fingerprint": "d_corp_shanghai_blue_cloud",
"pattern": "<title>上海蓝云阻断页面</title>"
},
{
"fingerprint": "d_corp_xian_tianhu_communication",
"pattern": "很抱歉，该网页已被阻断"
},
{
"fingerprint": "d_corp_kz_ps",
"pattern": "Страница заблокирована"
},
{
"fingerprint": "d_corp_cn_ucloud",
"pattern": "因该网站未进行备案或涉及发布违禁信息，违反工信部、公安部相关规定而无法访问"
},
{
"fingerprint": "d_corp_starnet",
"pattern": "StarNET \\| Blocked Page"
},
{
"fingerprint": "d_corp_colmedica",
"pattern": "Su solicitud ha sido bloqueada por una politica de seguridad"
},
{
"fingerprint": "d_corp_hkust",
"pattern": "Access to this malicious web site from HKUST has been blocked by ITSC for your protection"
},
{
"fingerprint": "d_corp_thai_csloxinfo",
"pattern": "http://redir\\.csloxinfo\\.com/court\\.html"
},
{
"fingerprint": "d_corp_novachem",
"pattern": "<title>Defense Center Blocked Message</title"
},
{
"fingerprint": "d_corp_shroomery",
"pattern": "Shroomery - Blocked"
},
{
"fingerprint": "d_corp_medicinehat_college",
"pattern": "The website or contents that you are trying to reach has been blocked"
},
{
"fingerprint": "d_corp_universidad_pontificia_bolivariana",
"pattern": "<h1>Contenido bloqueado</h1>"
},
{
"fingerprint": "d_corp_universidad_rey_juan_carlos",
"pattern": "<h2>Acceso bloqueado</h2>"
},
{
"fingerprint": "d_corp_kerrylogistics",
"pattern": "<title>Blocked Request</title>"
},
{
"fingerprint": "d_corp_br_angeloni",
"pattern": "<p>Acesso Negado</p>"
},
{
"fingerprint": "d_corp_co_compensar",
"pattern": "<h1>SITIO WEB RESTRINGIDO</h1>"
},
{
"fingerprint": "d_corp_mn_capital_bank",
"pattern": "<h1>Аппликейшн хаагдсан байна</h1>"
},
{
"fingerprint": "d_corp_se_public_health_agency",
"pattern": "Applikation blockerad"
},
{
"fingerprint": "d_corp_at_university_vienna",
"pattern": "\\(Malware, Botnet, Phishing etc\\.\\)"
},
{
"fingerprint": "d_corp_ca_stm",
"pattern": "Page Web bloq"
},
{
"fingerprint": "d_corp_mckesson_using_a_prod_paloalto",
"pattern": "Warning: Internet site blocked by McKesson"
},
{
"fingerprint": "d_corp_acledabank",
"pattern": "Transfer of the file you were trying to download or upload has been <strong>blocked</strong> in accordance with"
},
{
"fingerprint": "d_corp_ucloud",
"pattern": "<p>因该网站存在未备案或已备案未接入或涉及发布违禁信息等情况，违反工信部、公安部相关规定而无法访问。</p >"
},
{
"fingerprint": "d_corp_kassanova",
"pattern": "<strong>Доступ на данный ресурс запрещен согласно внутренней политике Банка"
},
{
"fingerprint": "d_corp_aliyun",
"pattern": "http://batit\\.aliyun\\.com/alww\\.html"
},
{
"fingerprint": "d_corp_mcmaster",
"pattern": "<title>Information Security Notice | McMaster University</title>"
},
{
"fingerprint": "e_unk_bloquedo",
"pattern": "bloqueo\\.png\" alt \"Sitio Bloqueado"
},
{
"fingerprint": "e_unk_bloquedo_2",
"pattern": "bloqueo\\.png"
},
{
"fingerprint": "e_unk_tz_rcip",
"pattern": "Please contact your  ISP on Number 0222142250 for more information"
},
{
"fingerprint": "e_unk_ru_forbid",
"pattern": ">ПРИСТУП ЗАБРАЊЕН<"
},
{
"fingerprint": "e_unk_hn_forbid",
"pattern": "Acceso Denegado"
},
{
"fingerprint": "e_unk_work_id",
"pattern": "<h1>Kebijakan Akses Internet</h1><p>Situs ini akan dibuka kembali antara pukul 12\\.00 - 13\\.00 WIB\\. Selamat Bekerja!<br />"
},
{
"fingerprint": "e_unk_ser_forbid",
"pattern": "Овом сајту је забрањен приступ административном полисом због малициозних садржаја"
},
{
"fingerprint": "e_unk_org",
"pattern": "Internet use policy restricts access to this web page at this time\\.<br/>Please contact your network administrator\\."
},
{
"fingerprint": "e_unk_warn",
"pattern": "<H1>This webpage has been blocked</H1>"
},
{
"fingerprint": "e_unk_report",
"pattern": "<p>Access to the requested resource has been blocked<br/>by the decision of public authorities\\.</p>"
},
{
"fingerprint": "e_unk_china_domain_not_registered",
"pattern": "您的域名被屏蔽访问的原因：</br>"
},
{
"fingerprint": "e_unk_china_web_blocked",
"pattern": "<p>您访问的网站被屏蔽，有可能是以下原因造成：</p>"
},
{
"fingerprint": "e_unk_blk_1",
"pattern": "https://151\\.181\\.63\\.37:6081/"
},
{
"fingerprint": "e_unk_blk_2",
"pattern": "http://137\\.152\\.92\\.206:6080/"
},
{
"fingerprint": "e_unk_blk_3",
"pattern": "http://176\\.55\\.252\\.4:8080"
},
{
"fingerprint": "e_unk_blk_4",
"pattern": "http://121\\.166\\.148\\.217/warning\\.htm"
},
{
"fingerprint": "e_unk_blk_5",
"pattern": "http://91\\.245\\.35\\.26/"
},
{
"fingerprint": "e_unk_blk_6",
"pattern": "http://213\\.14\\.227\\.50/landpage\\?ms=http://ok\\.ru/"
},
{
"fingerprint": "e_unk_blk_8",
"pattern": "您正在访问恶意网页"
},
{
"fingerprint": "e_unk_blk_9",
"pattern": "http://114\\.113\\.224\\.20:8123/feifa/code\\.htm"
},
{
"fingerprint": "e_unk_blk_10",
"pattern": "/css/block\\.css"
},
{
"fingerprint": "e_unk_blk_11",
"pattern": "禁止访问"
},
{
"fingerprint": "e_unk_ip_url_block",
"pattern": "urlblock\\.php\\?args="
},
{
"fingerprint": "e_unk_cn_not_filed_1",
"pattern": "您好，该域名未备案，已被封停，请联系机房核实！！！！"
},
{
"fingerprint": "e_unk_cn_not_filed_2",
"pattern": "您好，该域名未备案，请联系机房核实！！！！"
},
{
"fingerprint": "e_unk_cn_abnormal",
"pattern": "您的请求异常，已被网站管理员设置受限访问！"
},
{
"fingerprint": "e_unk_forbid",
"pattern": "<h1>Forbidden</h1><pre>Request ID:"
},
{
"fingerprint": "e_unk_ru_roskomnadzor",
"pattern": "https://secure\\.weba\\.ru/index\\.php\\?"
},
{
"fingerprint": "e_unk_ru_blocked",
"pattern": "http://site-blocked\\.ru\\?"
},
{
"fingerprint": "e_unk_id_gambling",
"pattern": "mungkin mengandung unsur ilegal, pornografi, perjudian, kekerasan atau narkoba"
},
{
"fingerprint": "e_unk_ru_blocked",
"pattern": "Доступ до даного сайту обмежений згідно"
},
{
"fingerprint": "e_unk_tr_access",
"pattern": "sayfaya erişiminiz sağlanamamaktadır"
},
{
"fingerprint": "e_unk_id_blocked",
"pattern": "Anda di blokir!!!"
},
{
"fingerprint": "e_unk_ru_roskomnadzor_2",
"pattern": "http://176\\.114\\.16\\.100/block_url\\.html"
},
{
"fingerprint": "e_unk_id_blocked",
"pattern": "Maaf, Situs Yang Anda Akses di Blokir"
},
{
"fingerprint": "e_unk_ro_unauthorized",
"pattern": "<title>Acces neautorizat</title>"
},
{
"fingerprint": "e_unk_cn_denied",
"pattern": "<title>拒绝访问</title>"
},
{
"fingerprint": "e_unk_pt_blocked",
"pattern": "<title>Bloqueado por ordem judicial</title>"
},
{
"fingerprint": "e_unk_ru_blocked",
"pattern": "<h1>Данный ресурс заблокирован!</h1>"
},
{
"fingerprint": "e_unk_ru_restrict",
"pattern": "иконуючи вимоги зазначеного Указу проводяться технічні заходи з обмеження надання послуг доступу до зазначених веб-ресурсів, відповідно з нашими технічними можливостями"
},
{
"fingerprint": "e_unk_it_notice",
"pattern": "<h1>AVVISO</h1>"
},
{
"fingerprint": "e_unk_filtered",
"pattern": "<title>Website Filtered</title>"
},
{
"fingerprint": "e_unk_kidprotect",
"pattern": "<title>KIDPROTECT NETWORK</title>"
},
{
"fingerprint": "e_unk_de_blocked",
"pattern": "<title>Website gesperrt</title>"
},
{
"fingerprint": "e_unk_it_police_blocked",
"pattern": "ATTENZIONE!! - POLIZIA POSTALE E DELLE COMUNICAZIONI - PAGINA BLOCCATA"
},
{
"fingerprint": "e_unk_disabled",
"pattern": "<title>Access to the requested content/website has been disabled</title>"
},
{
"fingerprint": "e_unk_co_blocked",
"pattern": "El Sitio al que Intenta ingresar ha sido bloqueado por disposición del Ministerio de las Tecnologías de la Información y las Comunicaciones de la Republica de Colombia"
},
{
"fingerprint": "e_unk_ru_blocked_2",
"pattern": "<title>Запрос блокирован</title>"
},
{
"fingerprint": "e_unk_it_inhibition",
"pattern": "Inibizione siti"
},
{
"fingerprint": "e_unk_ebguard",
"pattern": "ebGuard AGTI"
},
{
"fingerprint": "e_unk_gambler_stuff",
"pattern": "Sorry, the site you visit contain porn & gambler stuff"
},
{
"fingerprint": "e_unk_still_blocked",
"pattern": "site is still blocked"
},
{
"fingerprint": "e_unk_nta_block",
"pattern": "<h1>This web site has been blocked as per NTA.s policy</h1>"
},
{
"fingerprint": "e_unk_ru_blocked_3",
"pattern": "Сайт все еще заблокирован"
},
{
"fingerprint": "e_unk_secns",
"pattern": "http://secns\\.ch/"
},
{
"fingerprint": "e_unk_ru_blocked_4",
"pattern": "Доступ заблокирован"
},
{
"fingerprint": "e_unk_tr_legal_warning",
"pattern": "<title>YASAL UYARI</title>"
},
{
"fingerprint": "e_unk_se_blocked",
"pattern": "Sidan du försöker nå är blockerad"
},
{
"fingerprint": "e_unk_no_match",
"pattern": "Situs yang anda buka tidak bisa diakses melalui jaringan ini"
},
{
"fingerprint": "e_unk_cn_dongzhimen",
"pattern": "<title>东直门138阻断</title>"
},
{
"fingerprint": "e_unk_cn_isp_youwei_fashion",
"pattern": "zd\\.ywfscdn\\.com"
},
{
"fingerprint": "e_unk_cn_miit_temporarily_unavailable",
"pattern": "您的网站暂时无法访问"
},
{
"fingerprint": "e_unk_cn_isp_runxun",
"pattern": "www\\.runxun\\.com/weibeian\\.html"
},
{
"fingerprint": "e_unk_cn_blocking",
"pattern": "220\\.231\\.20\\.138:9080"
},
{
"fingerprint": "e_unk_cn_temporarily_unavailable",
"pattern": "温馨提示：该网站暂时无法访问，有可能是以下原因：</br>"
},
{
"fingerprint": "e_unk_cl_no_puedo_mostrar",
"pattern": "NO puedo mostrar este sitio Web"
},
{
"fingerprint": "e_unk_namuwiki_datacenter_ip",
"pattern": "They are blocked to prevent"
},
{
"fingerprint": "e_unk_malicious_website",
"pattern": "It is reported to be a malicious website"
},
{
"fingerprint": "e_unk_in_ncvt_temporarily_blocked",
"pattern": "<h2>Access Temporarily Blocked</h2>"
},
{
"fingerprint": "e_unk_cpanel_403_forbidden",
"pattern": "Access is forbidden to the requested page:"
},
{
"fingerprint": "e_unk_competent_authority",
"pattern": "This site has been blocked as per the instructions of Competent Authority</font> </h2>"
},
{
"fingerprint": "e_unk_isp_or_corp_ca_mornington",
"pattern": "access to it is blocked from the Mornington network"
},
{
"fingerprint": "e_unk_style_red",
"pattern": "<span style=.*color:red;.*>\\(æ¡æ"
},
{
"fingerprint": "e_unk_poland",
"pattern": "<strong>Próbujesz uzyskać dostęp do zabronionej witryny"
},
{
"fingerprint": "e_unk_antioquia",
"pattern": "https://goo.gl/NJYGir"
},
{
"fingerprint": "f_gen_web_page_blocked",
"pattern": "<title>Web Page Blocked!</title>"
},
{
"fingerprint": "f_gen_pagina_web_bloqueda_1",
"pattern": "<title>Página Web Bloqueada!</title>"
},
{
"fingerprint": "f_gen_pagina_web_bloqueda_2",
"pattern": "<title> ¡PÃ¡gina Web Bloqueada!</title>"
},
{
"fingerprint": "f_gen_pagina_web_bloqueda_3",
"pattern": "<title>¡Página Web Bloqueada!</title>"
},
{
"fingerprint": "f_gen_web_bloqueada",
"pattern": "Web Bloqueada!"
},
{
"fingerprint": "f_gen_loqueada",
"pattern": "loqueada"
},
{
"fingerprint": "f_gen_cn_1",
"pattern": "<title>非法阻断</title>"
},
{
"fingerprint": "f_gen_id_govt",
"pattern": "Sebagai bentuk dukungan terhadap program \"Internet Sehat\" milik pemerintah Indonesia, maka kami menutup akses ke situs yang Anda kunjungi\\."
},
{
"fingerprint": "f_gen_cn_2",
"pattern": "您的域名因未取得工信部网站备案号，按照工信部33号令屏蔽访问。请您办理工信部网站备案，取得网站备案号后恢复访问。"
},
{
"fingerprint": "f_gen_cn_3",
"pattern": "您访问的网站被机房安全管理系统拦截，有可能是以下原因造成"
},
{
"fingerprint": "f_gen_cn_4",
"pattern": "http://58\\.30\\.28\\.92/index\\.html"
},
{
"fingerprint": "f_gen_ru_1",
"pattern": "Доступ на цей ресурс/сервіс заблоковано відповідно до Указу"
},
{
"fingerprint": "f_gen_ru_2",
"pattern": "Доступ к ресурсу заблокирован!"
},
{
"fingerprint": "f_gen_ru_3",
"pattern": "Доступ к сайту ограничен в соответствии с Федеральными законами"
},
{
"fingerprint": "f_gen_ru_3",
"pattern": "Доступ ограничен"
},
{
"fingerprint": "f_gen_ru_5",
"pattern": "Доступ заблоковано"
},
{
"fingerprint": "f_gen_ru_6",
"pattern": "ДОСТУП К РЕСУРСУ ОГРАНИЧЕН"
},
{
"fingerprint": "f_gen_ru_7",
"pattern": "Доступ к запрашиваемому ресурсу ограничен"
},
{
"fingerprint": "f_gen_ru_8",
"pattern": "<title>Доступ запрещён</title>"
},
{
"fingerprint": "f_gen_ru_9",
"pattern": "Ресурс по данному IP-адресу заблокирован"
},
{
"fingerprint": "f_gen_ru_10",
"pattern": "http://85\\.234\\.0\\.61/"
},
{
"fingerprint": "f_gen_ru_11",
"pattern": "http://81\\.23\\.192\\.41/index\\.html"
},
{
"fingerprint": "f_gen_sk_denied",
"pattern": "Prístup k webovému sídlu bol zamedzený"
},
{
"fingerprint": "f_gen_451",
"pattern": "451 Unavailable For Legal Reasons"
},
{
"fingerprint": "f_gen_ua",
"pattern": "даний ресурс заблоковано"
},
{
"fingerprint": "f_gen_tr",
"pattern": "http://213\\.14\\.227\\.50/landpage\\?ms=http://hqq\\.tv/"
},
{
"fingerprint": "f_gen_sloval",
"pattern": "Aplikacija je nedostupna"
},
{
"fingerprint": "f_gen_polish",
"pattern": "zablokowan"
},
{
"fingerprint": "f_gen_web_blocked",
"pattern": "<title>Web Page Blocked</title>"
},
{
"fingerprint": "f_gen_spanish",
"pattern": "Esta pagina esta bloqueada"
},
{
"fingerprint": "f_gen_web_filter",
"pattern": "Web Filter"
},
{
"fingerprint": "f_gen_spanish_2",
"pattern": "Pagina Bloccata"
},
{
"fingerprint": "f_gen_olish_2",
"pattern": "Aplikacija je blokirana"
},
{
"fingerprint": "f_gen_category",
"pattern": "<b>Category:</b>"
},
{
"fingerprint": "f_gen_access_denied",
"pattern": "Access Denied"
},
{
"fingerprint": "f_gen_forbidden",
"pattern": "Request forbidden by administrative rules"
},
{
"fingerprint": "f_gen_have_permission",
"pattern": "have permission to access this resource\\.</p>"
},
{
"fingerprint": "f_gen_request_rejected",
"pattern": "<title>Request Rejected</title>"
},
{
"fingerprint": "f_gen_gambling",
"pattern": "</b> gambling </p>"
},
{
"fingerprint": "f_gen_access_restricted",
"pattern": "This website access is restricted\\."
},
{
"fingerprint": "f_gen_web_site_blocked",
"pattern": "<title>Web Site Blocked</title>"
},
{
"fingerprint": "f_gen_unavailable",
"pattern": "The site you are accessing belongs to pre-defined category\\."
},
{
"fingerprint": "f_gen_siteblocked",
"pattern": "siteBlocked"
},
{
"fingerprint": "f_gen_pre_defined_category",
"pattern": "Server: V2R2C00-IAE/1\\.0"
},
{
"fingerprint": "f_gen_blocked_1",
"pattern": "Acceso Restringido"
},
{
"fingerprint": "f_gen_blocked_2",
"pattern": "Access forbidden!"
},
{
"fingerprint": "f_gen_blocked_3",
"pattern": "Acesso Proibido!"
},
{
"fingerprint": "f_gen_blocked_4",
"pattern": "Esta pÃ¡gina web se ha identificado como potencialmente indeseable\\."
},
{
"fingerprint": "f_gen_blocked_5",
"pattern": "Access denied to webpage or website: "
},
{
"fingerprint": "f_gen_blocked_6",
"pattern": "Web Page Blocked"
},
{
"fingerprint": "f_gen_blocked_7",
"pattern": "Page Blocked"
},
{
"fingerprint": "f_gen_blocked_8",
"pattern": "Blocked Page"
},
{
"fingerprint": "f_gen_blocked_9",
"pattern": "Alert : Your Access Blocked"
},
{
"fingerprint": "f_gen_blocked_10",
"pattern": "PÃ¡gina web bloqueada"
},
{
"fingerprint": "f_gen_blocked_11",
"pattern": "APLICACION BLOQUEADA"
},
{
"fingerprint": "f_gen_blocked_12",
"pattern": "You don.t have permission to access the URL on this server\\."
},
{
"fingerprint": "f_gen_blocked_14",
"pattern": "URLBlocked"
},
{
"fingerprint": "f_gen_blocked_15",
"pattern": "block\\.html"
},
{
"fingerprint": "f_gen_blocked_16",
"pattern": "urlblock"
},
{
"fingerprint": "f_gen_blocked_17",
"pattern": "<title>Web Site Bloqueados</title>"
},
{
"fingerprint": "f_gen_blocked_18",
"pattern": " <title>You attempted to reach a blocked website!</title>"
},
{
"fingerprint": "f_gen_blocked_19",
"pattern": "Request unsuccessful\\."
},
{
"fingerprint": "f_gen_blocked_20",
"pattern": "<h1>An Error Was Encountered</h1>"
},
{
"fingerprint": "f_gen_blocked_21",
"pattern": "forbidden-access-black-list"
},
{
"fingerprint": "f_gen_blocked_22",
"pattern": "Request not allowed"
},
{
"fingerprint": "f_gen_blocked_23",
"pattern": "<p>Sorry, but the URL you.* requesting is prohibited!</p>"
},
{
"fingerprint": "f_gen_blocked_24",
"pattern": "blockedURL"
},
{
"fingerprint": "f_gen_blocked_25",
"pattern": "Block policy:"
},
{
"fingerprint": "f_gen_blocked_26",
"pattern": "Block reason:"
},
{
"fingerprint": "f_gen_blocked_27",
"pattern": "Access is denied\\."
},
{
"fingerprint": "f_gen_blocked_29",
"pattern": "Permission denied\\."
},
{
"fingerprint": "f_gen_blocked_30",
"pattern": "Request Denied"
},
{
"fingerprint": "f_gen_blocked_31",
"pattern": "Blocked URL"
},
{
"fingerprint": "f_gen_blocked_32",
"pattern": "This website is blocked for your safety\\."
},
{
"fingerprint": "f_gen_blocked_33",
"pattern": "The website that you are trying to access is unavailable as it contains prohibited material\\."
},
{
"fingerprint": "f_gen_blocked_34",
"pattern": "Access to this page has been ordered <big><b>BLOCKED<big></b>"
},
{
"fingerprint": "f_gen_blocked_35",
"pattern": "Access to this website is prohibited"
},
{
"fingerprint": "f_gen_blocked_36",
"pattern": "the request has been blocked"
},
{
"fingerprint": "f_gen_blocked_37",
"pattern": "<title>Blocked</title>"
},
{
"fingerprint": "f_gen_website_filtered",
"pattern": " <title>Website Filtered</title>"
},
{
"fingerprint": "f_gen_cn_sensitive_keywords",
"pattern": "当前页面包含敏感关键字词，请与管理员联系!"
},
{
"fingerprint": "f_gen_cn_dangerous_content",
"pattern": "请求中含有危险内容，已被拦截"
},
{
"fingerprint": "f_gen_cn_illegal_blocking",
"pattern": "非法阻断"
},
{
"fingerprint": "f_gen_id_forbidden_sites",
"pattern": "<html><head><title>Situs Terlarang</title></head>"
},
{
"fingerprint": "f_gen_id_prohibited_content",
"pattern": "Maaf, konten terlarang ini tidak dapat kami tampilkan\\."
},
{
"fingerprint": "f_gen_403_request_forbidden",
"pattern": "Error code explanation: 403 = Request forbidden -- authorization will not help\\."
},
{
"fingerprint": "f_gen_it_avvertenza",
"pattern": "<title> AVVERTENZA - SITO NON RAGGIUNGIBILE</title>"
},
{
"fingerprint": "f_gen_sk_court_order",
"pattern": "Táto stránka je na základe príkazu súdu zablokovaná\\."
},
{
"fingerprint": "f_gen_bg_state_commission",
"pattern": "Повече информация може да получите на сайта на Държавната комисия"
},
{
"fingerprint": "f_gen_pl_access_denied",
"pattern": "Odmowa dostÄpu"
},
{
"fingerprint": "f_gen_cn_not_filed",
"pattern": "<title>网站未备案提示</title>"
},
{
"fingerprint": "f_gen_co_restricted",
"pattern": "<title>SITIO WEB RESTRINGIDO</title>"
},
{
"fingerprint": "f_gen_zw_blocked_site",
"pattern": "<title>Blocked site</title>"
},
{
"fingerprint": "a_prod_adguard_satellite",
"pattern": "blocking-pages - Blocking pages for AdGuard projects"
},
{
"fingerprint": "a_prod_blue_shield_satellite",
"pattern": "<title>Blocked by BLUE SHIELD v3</title>"
},
{
"fingerprint": "a_prod_cloudveil_satellite",
"pattern": "manage\\.cloudveil\\.org/unblock_request/new_request"
},
{
"fingerprint": "a_prod_comodo_satellite",
"pattern": "<title>Comodo Secure Internet Gateway</title>"
},
{
"fingerprint": "a_prod_guardiandns_satellite",
"pattern": "Guardian DNS"
},
{
"fingerprint": "a_prod_infoblox_satellite",
"pattern": "<p>Access to this domain name was blocked because the site was identified as malicious or the site was explicitly blocked by your corporate security policy"
},
{
"fingerprint": "a_prod_keweon_satellite",
"pattern": "keweon.*mode=block"
},
{
"fingerprint": "a_prod_netalerts_satellite",
"pattern": "<script type=\"text/javascript\" src=\"https://blocked\\.netalerts\\.io/index\\.js\"></script>"
},
{
"fingerprint": "a_prod_nextdns_satellite",
"pattern": "Blocked-By.*NextDNS"
},
{
"fingerprint": "a_prod_onedns_satellite",
"pattern": "<title>OneDNS block system</title>"
},
{
"fingerprint": "a_prod_opendns_satellite",
"pattern": "<center>Umbrella Cloud Security Gateway</center>"
},
{
"fingerprint": "a_prod_opendns_2_satellite",
"pattern": "Server.*Cisco Umbrella"
},
{
"fingerprint": "a_prod_pihole_1_satellite",
"pattern": "<!-- Pi-hole: A black hole for Internet advertisements"
},
{
"fingerprint": "a_prod_pihole_2_satellite",
"pattern": "<body id=\"blockpage\">"
},
{
"fingerprint": "a_prod_pihole_3_satellite",
"pattern": "<title>Website durch Pi-hole blockiert!</title>"
},
{
"fingerprint": "a_prod_jusprogdns_satellite",
"pattern": "login\\.jusprogdns\\.com/block"
},
{
"fingerprint": "a_prod_safedns_satellite",
"pattern": "https://blockpage-cdn\\.safedns\\.com"
},
{
"fingerprint": "a_prod_securly_satellite",
"pattern": "https://www\\.securly\\.com/broker"
},
{
"fingerprint": "a_prod_swisscom_satellite",
"pattern": "PWLAN Content Filter"
},
{
"fingerprint": "a_prod_tehtris_satellite",
"pattern": "<title>TEHTRIS DNS Firewall</title>"
},
{
"fingerprint": "a_prod_zyxel_satellite",
"pattern": "<title>Zyxel Security Cloud-DNS Filter Service Portal</title>"
},
{
"fingerprint": "b_nat_au_1_satellite",
"pattern": "<p>You have attempted to obtain access to a particular website\\.  This page notifies you that access to that website has been disabled because the Federal Court of Australia has determined that the website infringes, or facilitates the infringement of, copyright\\.</p>"
},
{
"fingerprint": "b_nat_au_2_satellite",
"pattern": "disabled because the Federal Court of Australia has determined that the website infringes, or facilitates the infringement of, copyright"
},
{
"fingerprint": "b_nat_au_3_satellite",
"pattern": "<h1>ACCESS TO THIS WEBSITE HAS BEEN DISABLED BECAUSE THE FEDERAL COURT OF AUSTRALIA HAS DETERMINED THAT IT INFRINGES OR FACILITATES THE INFRINGEMENT OF COPYRIGHT.</h1>"
},
{
"fingerprint": "b_nat_be_2_satellite",
"pattern": "U wordt naar deze stoppagina doorverwezen omdat de goksite die u tracht te bezoeken inhoud aanbiedt die illegaal is op basis van de Belgische wetgeving\\. "
},
{
"fingerprint": "b_nat_be_3_satellite",
"pattern": "ENG - This gambling site is illegal in Belgium\\. It has therefore been blocked\\. Illegal gambling is dangerous and can even be punishable\\."
},
{
"fingerprint": "b_nat_be_4_satellite",
"pattern": "visit offers content that is considered illegal according"
},
{
"fingerprint": "b_nat_be_redirect_302_satellite",
"pattern": "https://www\\.gamingcommission\\.gov\\.gr/index\\.php/forbidden-access-black-list"
},
{
"fingerprint": "b_nat_be_redirect_satellite",
"pattern": "http://webstop\\.gamingcommission\\.be"
},
{
"fingerprint": "b_nat_bg_2_satellite",
"pattern": "<FONT COLOR=\"#AA4444\">Съгласно Закон за Хазарта и разпореждания на Софийски Районен Съд,</FONT>"
},
{
"fingerprint": "b_nat_cn_antispam_satellite",
"pattern": "<div class=\"title\">国家反诈中心</div>"
},
{
"fingerprint": "b_nat_co_1_satellite",
"pattern": "www\\.coljuegos\\.gov\\.co/publicaciones/advertencia_pampatildeampiexclginas_online_ilegales_pub"
},
{
"fingerprint": "b_nat_co_redirect_301_1_satellite",
"pattern": "https://www\\.coljuegos\\.gov\\.co/publicaciones/advertencia_pampatildeampiexclginas_online_ilegales_pub"
},
{
"fingerprint": "b_nat_de_redirect_302_satellite",
"pattern": "https://www\\.kabelplus\\.at/SpecialPages/Gesperrte-Websites-wegen-Urheberrechtsverletzungen\\.aspx"
},
{
"fingerprint": "b_nat_ee_redirecr_301_1_satellite",
"pattern": "http://www\\.emta\\.ee/et/juurdepaas-blokeeritud/"
},
{
"fingerprint": "b_nat_ee_redirecr_302_1_satellite",
"pattern": "http://redir\\.emta\\.ee/redirect/et/juurdepaas-blokeeritud"
},
{
"fingerprint": "b_nat_gr_1_satellite",
"pattern": "Αναζήτηση Επιτροπή Εποπτείας και Ελέγχου Παιγνίων"
},
{
"fingerprint": "b_nat_id_1_satellite",
"pattern": "<small>The website/domain has been blocked as per order of Ministry of Electronics and Information Technology under IT Act, 2000</small>"
},
{
"fingerprint": "b_nat_id_27_satellite",
"pattern": "Situs yang dituju terindikasi mengandung konten yang tidak diperkenankan pemerintah"
},
{
"fingerprint": "b_nat_id_23_satellite",
"pattern": "URL=http://sehat\\.hypernet\\.co\\.id\""
},
{
"fingerprint": "b_nat_id_8_satellite",
"pattern": "Internet Sehat dan Aman"
},
{
"fingerprint": "b_nat_id_9_satellite",
"pattern": "PERNYATAAN KEPUTUSAN PARA PEMEGANG SAHAM"
},
{
"fingerprint": "b_nat_it_10_satellite",
"pattern": "sensi del regolamento in materia di tutela del diritto"
},
{
"fingerprint": "b_nat_it_1_satellite",
"pattern": "<p>L&rsquo;accesso  al presente sito &egrave; stato disabilitato in esecuzione di un provvedimento  adottato dall&rsquo;Autorit&agrave; per le garanzie nelle comunicazioni, ai sensi del  regolamento in materia di tutela del diritto d&rsquo;autore online approvato con  delibera n\\. 680/13/CONS\\.</p>"
},
{
"fingerprint": "b_nat_it_redirect_301_1_satellite",
"pattern": "http://217\\.175\\.53\\.72/index\\.html"
},
{
"fingerprint": "b_nat_lt_1_satellite",
"pattern": "https://blokuojama\\.lpt\\.lt"
},
{
"fingerprint": "b_nat_lt_2_satellite",
"pattern": "https://stop\\.rtk\\.lt"
},
{
"fingerprint": "b_nat_lv_1_satellite",
"pattern": "Pēc Latvijas Republikas Izložu un azartspēļu uzraudzības inspekcijas pieprasījuma"
},
{
"fingerprint": "b_nat_lv_redirect_301_1_satellite",
"pattern": "http://www\\.iaui\\.gov\\.lv/lv/pazinojums"
},
{
"fingerprint": "b_nat_lv_redirect_302_1_satellite",
"pattern": "<a href=\"http://www\\.iaui\\.gov\\.lv/lv/azartspeles/bloketas-saites\""
},
{
"fingerprint": "b_nat_lv_redirect_302_2_satellite",
"pattern": "https://www\\.iaui\\.gov\\.lv/lv/pazinojums"
},
{
"fingerprint": "b_nat_md",
"pattern": "blackhole\\.transcor\\.md"
},
{
"fingerprint": "b_nat_np_2_satellite",
"pattern": "<title>Block By NTA</title>"
},
{
"fingerprint": "b_nat_np_3_satellite",
"pattern": "The access to this website has been restricted as per the directive of Nepal"
},
{
"fingerprint": "b_nat_np_4_satellite",
"pattern": "Nepal Telecommunications Authority"
},
{
"fingerprint": "b_nat_ph_1_satellite",
"pattern": "In compliance of NTC Memorandum Circular #01-01-2014, guideline for internet service providers in the implementation of Republic Act 9775 (Anti-Child Pornography act of 2009)"
},
{
"fingerprint": "b_nat_pl_redirect_302_satellite",
"pattern": "https://www\\.finanse\\.mf\\.gov\\.pl/inne-podatki/podatek-od-gier-gry-hazardowe/komunikat"
},
{
"fingerprint": "b_nat_ru_12_satellite",
"pattern": "eais\\.rkn\\.gov\\.ru/\">"
},
{
"fingerprint": "b_nat_ru_451_satellite",
"pattern": "blocklist\\.rkn\\.gov\\.ru"
},
{
"fingerprint": "b_nat_ru_satellite_1",
"pattern": "<a href=\"http://blocklist\\.rkn\\.gov\\.ru/\""
},
{
"fingerprint": "b_nat_se_copyright_satellite",
"pattern": "blockerad efter ett beslut fr&aring;n Patent"
},
{
"fingerprint": "b_nat_sg_1_satellite",
"pattern": "The High Court of Singapore has ordered a blocking of access to the online location you are attempting to reach as it violates the Copyright Act\\."
},
{
"fingerprint": "b_nat_sg_2_satellite",
"pattern": "The website that you are trying to access is unavailable as it contains prohibited material\\."
},
{
"fingerprint": "b_nat_sg_3_satellite",
"pattern": "pursuant to an Order of the High Court of Singapore"
},
{
"fingerprint": "b_nat_siberia_satellite",
"pattern": "Zakonom je zabranjeno omogućavanje učestvovanja u igrama na sreću koje priređuju neovlašćena lica preko sredstava elektronske komunikacije"
},
{
"fingerprint": "b_nat_tr_1_satellite",
"pattern": "aşağıdaki karara istinaden 5651 sayılı Kanun uyarınca Erişim Sağlayıcıları Birliği tarafından erişime engellenmiştir"
},
{
"fingerprint": "b_nat_tr_2_satellite",
"pattern": " sayılı İstanbul Anadolu 14\\.Sulh CM kararıyla erişime engellenmiştir\\.</span>"
},
{
"fingerprint": "b_nat_tr_3_satellite",
"pattern": "SULH CM kararıyla erişime engellenmiştir\\."
},
{
"fingerprint": "b_nat_tr_4_satellite",
"pattern": "sayılı Bakırköy CBS kararıyla erişime engellenmiştir"
},
{
"fingerprint": "b_nat_tr_5_satellite",
"pattern": "sayılı Telekomünikasyon İletişim Başkanlığı kararıyla erişime engellenmiştir"
},
{
"fingerprint": "b_nat_tr_6_satellite",
"pattern": "has been blocked by the decision dated "
},
{
"fingerprint": "b_nat_uk_redirect_302_satellite",
"pattern": "http://www\\.ukispcourtorders\\.co\\.uk"
},
{
"fingerprint": "c_isp_be_telenet_302_redirect_satellite",
"pattern": "http://networkmsg\\.telenet\\.be/blocked/fccu/"
},
{
"fingerprint": "c_isp_gr_cuii_copyright_satellite",
"pattern": "https://notice\\.cuii\\.info"
},
{
"fingerprint": "c_isp_id_hypernet_redirect_301_1_satellite",
"pattern": "<a href=\"https://sehat\\.hypernet\\.co\\.id/\""
},
{
"fingerprint": "c_isp_id_idola_net_satellite",
"pattern": "<br>support\\.idola\\.net\\.id</center>"
},
{
"fingerprint": "c_isp_id_iforte_redirect_301_2_satellite",
"pattern": "https://trustpositif\\.iforte\\.net\\.id"
},
{
"fingerprint": "c_isp_id_myrepublic_redirect_301_3_satellite",
"pattern": "http://block\\.myrepublic\\.co\\.id"
},
{
"fingerprint": "c_isp_id_iconnet_redirect_302_satellite",
"pattern": "https://iconnet\\.id"
},
{
"fingerprint": "c_isp_id_bitniaga_redirect_301_3_satellite",
"pattern": "https://bitniaga\\.net\\.id"
},
{
"fingerprint": "c_isp_id_pandawa_satellite",
"pattern": "<title>Bloking Konten - PT\\. Dharma Sarana Solusindo</title>"
},
{
"fingerprint": "c_isp_id_idola_3_satellite",
"pattern": "<title>IdOLA Lintasarta</title>"
},
{
"fingerprint": "c_isp_id_telkomsel_redirect_301_4_satellite",
"pattern": "https://internetbaik\\.telkomsel\\.com/block"
},
{
"fingerprint": "c_isp_id_netsafe_redirect_302_satellite",
"pattern": "<a href=\"http://netsafe\\.indosatooredoo\\.com/desktop"
},
{
"fingerprint": "c_isp_id_jakarta_satellite",
"pattern": "<title>POTAL PEKON</title>"
},
{
"fingerprint": "c_isp_id_melsa_satellite",
"pattern": "window\\.location\\.href = \"https://melsa\\.id\""
},
{
"fingerprint": "c_isp_id_megadata_satellite",
"pattern": "<title>Megadata situs terlarang</title>"
},
{
"fingerprint": "c_isp_id_pt_wortel_13_satellite",
"pattern": "<title>PT Wortel Internet Positif</title>"
},
{
"fingerprint": "c_isp_id_biznetnetworks_28_satellite",
"pattern": "www\\.biznetnetworks\\.com/safesurf/"
},
{
"fingerprint": "c_isp_id_sukma_media_14_satellite",
"pattern": "<title>Sukma Media Internet Positif</title>"
},
{
"fingerprint": "c_isp_id_skynet_satellite",
"pattern": "<title>SkyNet \\| Internet Sehat</title>"
},
{
"fingerprint": "c_isp_id_pt_yetoya_29_satellite",
"pattern": "Internet Sehat \\| PT Yetoya Solusi Indonesia"
},
{
"fingerprint": "c_isp_id_31_satellite",
"pattern": "trustpositif\\.kominfo\\.go\\.id"
},
{
"fingerprint": "c_isp_melsa_id_7_satellite",
"pattern": "www\\.melsa\\.net\\.id/main/blocked"
},
{
"fingerprint": "c_isp_is_siminn_redirect_302_copyright_satellite",
"pattern": "https://www\\.siminn\\.is/sidur/netvarinn-lokud-sida"
},
{
"fingerprint": "c_isp_ru_ertelecom_redirect_301_1_satellite",
"pattern": "http://lawfilter\\.ertelecom\\.ru"
},
{
"fingerprint": "c_isp_ru_miralogic_redirect_301_1_satellite",
"pattern": "http://blacklist\\.miralogic\\.ru"
},
{
"fingerprint": "c_isp_ru_achinsk_net_redirect_302_satellite",
"pattern": "https://blocksite\\.achinsk\\.net"
},
{
"fingerprint": "c_isp_ru_kvant_telecom_redirect_302_satellite",
"pattern": "http://block\\.kvant-telecom\\.ru"
},
{
"fingerprint": "c_isp_ru_ttk_satellite",
"pattern": "<title>TTK :: Доступ к ресурсу ограничен</title>"
},
{
"fingerprint": "c_isp_ru_ttk_redirect_302_satellite",
"pattern": "http://fz139\\.ttk\\.ru"
},
{
"fingerprint": "c_isp_telsy_1_satellite",
"pattern": "Telsy SecureDNS has blocked a potential threat or maybe the resource you are looking for does not exist\\."
},
{
"fingerprint": "c_isp_telsy_2_satellite",
"pattern": "SecureDNS has blocked a potential threat or maybe the resource you are looking for does not exist"
},
{
"fingerprint": "c_isp_ua_maxnet_redirect_satellite",
"pattern": "https://p\\.maxnet\\.ua"
},
{
"fingerprint": "c_isp_us_andrews_uni_satellite",
"pattern": "filteradmin@andrews\\.edu"
},
{
"fingerprint": "c_isp_us_virginia_edu_satellite",
"pattern": "has been blocked by <a href=\"http://security\\.virginia\\.edu\">University Information Security</a> for hosting phishing, malware, or other malicious behavior\\."
},
{
"fingerprint": "d_corp_ca_cira_1_satellite",
"pattern": "https://cira\\.ca:443/CanadianShield/Active/FamilyFilter"
},
{
"fingerprint": "d_corp_ca_cira_2_satellite",
"pattern": "https://cira\\.ca:443/CanadianShield/Active/ScamFilter"
},
{
"fingerprint": "d_corp_ca_cira_3_satellite",
"pattern": "https://www\\.cira\\.ca:443/CanadianShield/Active/PhishingBlock"
},
{
"fingerprint": "d_corp_co_mercanet_satellite",
"pattern": "http://www\\.merca\\.net\\.co/mintic"
},
{
"fingerprint": "d_corp_gr_opi_redirect_302_satellite",
"pattern": " <a href=\"https://opi\\.gr/edppi_block/edppi_block\\.html\""
},
{
"fingerprint": "d_corp_hoplite_redirect_satellite",
"pattern": "<h4>You have been redirected from a malicious site</h4>"
},
{
"fingerprint": "d_corp_id_jiipe_satellite",
"pattern": "<title>Jiipe \\| Internet Positive</title>"
},
{
"fingerprint": "d_corp_microsoft_1_satellite",
"pattern": "<h4>You have been redirected from a malicious site</h4>"
},
{
"fingerprint": "d_corp_microsoft_2_satellite",
"pattern": "<h4>Please use our domain review process if you feel this site is legitimate or should be in another category\\.</h4>"
},
{
"fingerprint": "d_corp_multacom_satellite",
"pattern": "<title>Page Restricted</title>\r"
},
{
"fingerprint": "d_corp_ru_skydns_satellite",
"pattern": " <base href=\"fhttps://cdn-b\\.skydns\\.ru/static/\" target=\"_blank\">"
},
{
"fingerprint": "e_unk_do_sengkecloud_satellite",
"pattern": "https://www\\.sengkedcloud\\.com/"
},
{
"fingerprint": "e_unk_fr_dnsprotect_node_satellite",
"pattern": "<title>Access Refusé</title>"
},
{
"fingerprint": "e_unk_gr_redirect_302_satellite",
"pattern": "http://nba\\.gov\\.cy/"
},
{
"fingerprint": "e_unk_gr_satellite",
"pattern": "<meta http-equiv=\"refresh\" content=\"2; url=http://nba\\.gov\\.cy/\" />"
},
{
"fingerprint": "e_unk_id_1_satellite",
"pattern": "<title>PEKON KPB</title>"
},
{
"fingerprint": "e_unk_id_2_satellite",
"pattern": "/blocked"
},
{
"fingerprint": "e_unk_id_15_satellite",
"pattern": "<button type=\"submit\">KIRIM EMAIL</button>"
},
{
"fingerprint": "e_unk_id_satellite",
"pattern": "<title>DNS Bersih Baraya</title>"
},
{
"fingerprint": "e_unk_np_technitium_satellite",
"pattern": "<title>Technitium DNS Server</title>"
},
{
"fingerprint": "e_unk_pwlan_satellite",
"pattern": "The website has been blocked at this Public Wi-Fi (PWLAN) location because its content violates the PWLAN content filter rules\\.</span>"
},
{
"fingerprint": "e_unk_redirect_localhost_satellite",
"pattern": "http://127\\.0\\.0\\.1"
},
{
"fingerprint": "e_unk_ru_451_1_satellite",
"pattern": "Как очистить кеш браузера вы можете посмотреть в <a class=\"link\" href=\"https://www\\.skydns\\.ru/guide/\">инструкции</a>"
},
{
"fingerprint": "e_unk_ru_451_2_satellite",
"pattern": "Если вы не желаете видеть рекламу - перейдите на <a class=\"%!s(BADINDEX)\" href=\"https://www\\.skydns\\.ru/renew/\">"
},
{
"fingerprint": "e_unk_ru_t2_satellite",
"pattern": "http://t2-blocked\\.com"
},
{
"fingerprint": "e_unk_ru_redirect_302_2_satellite",
"pattern": "<a href=\"http://185\\.217\\.199\\.167/index\\.php\""
},
{
"fingerprint": "e_unk_org_id_11_satellite",
"pattern": "<title>Penjaga Cumi ITB</title>"
},
{
"fingerprint": "e_unk_org_tw_1_satellite",
"pattern": "<title> TANWP不當資訊防護系統 - 您疑似欲連線至不當網站</title>"
},
{
"fingerprint": "e_unk_org_tw_2_satellite",
"pattern": "<title> KPPRC惡意網站防護系統 - 您疑似欲連線至惡意網站</title>"
},
{
"fingerprint": "e_unk_org_tw_redirect_302_1_satellite",
"pattern": " <a href=\"https://twb\\.moe\\.edu\\.tw/deny\\.html\""
},
{
"fingerprint": "e_unk_ua_kyivstar_redirecr_302_1_satellite",
"pattern": "https://cdn\\.kyivstar\\.ua/sites/default/files/lock_sites/index\\.html"
},
{
"fingerprint": "f_gen_copyright_notice",
"pattern": "<title>Copyright Notice</title>"
},
{
"fingerprint": "f_gen_451_status_code_satellite",
"pattern": "451 Unavailable For Legal Reasons"
},
{
"fingerprint": "f_gen_access_denied_satellite",
"pattern": "<title>Access denied</title>"
},
{
"fingerprint": "f_gen_bd_satellite",
"pattern": "<h1>This webpage has been blocked</h1>"
},
{
"fingerprint": "f_gen_be_1_satellite",
"pattern": "<title>StopPage</title>"
},
{
"fingerprint": "f_gen_bg_1_satellite",
"pattern": "<title>Витрина</title>"
},
{
"fingerprint": "f_gen_block_exclamation_satellite",
"pattern": "<title>Block !</title>"
},
{
"fingerprint": "f_gen_blocked_1_satellite",
"pattern": "<TITLE>BLOCKED</TITLE>"
},
{
"fingerprint": "f_gen_blocked_2_satellite",
"pattern": "<title>blocked</title>"
},
{
"fingerprint": "f_gen_blockpage_2_satellite",
"pattern": "This Page has Been Blocked<BR>"
},
{
"fingerprint": "f_gen_blockpage_satellite",
"pattern": "<title>BLOCK PAGE</title>"
},
{
"fingerprint": "f_gen_ca_1_satellite",
"pattern": "This domain is blocked<br>Ce domaine est bloqué"
},
{
"fingerprint": "f_gen_cr_1_satellite",
"pattern": "Existen atacantes que han creado este sitio de manera fraudulenta para poder robar tu información personal o confidencial"
},
{
"fingerprint": "f_gen_dk_1_satellite",
"pattern": "<h2 class=\"h3 the_title\">Du var på vej ind på en ulovlig hjemmeside</h2>"
},
{
"fingerprint": "f_gen_forbiden_site_satellite",
"pattern": "<title>Forbidden website</title>"
},
{
"fingerprint": "f_gen_id_1_satellite",
"pattern": "Internet positif"
},
{
"fingerprint": "f_gen_id_10_satellite",
"pattern": "situs tidak dapat diakses melalui jaringan ini  "
},
{
"fingerprint": "b_nat_id_12_satellite",
"pattern": "mungkin mengandung unsur ilegal, pornografi, perjudian, kekerasan atau narkoba\\.</p>"
},
{
"fingerprint": "f_gen_id_16_satellite",
"pattern": "Situs Terlarang"
},
{
"fingerprint": "f_gen_id_17_satellite",
"pattern": "<title>Internet Protect</title>"
},
{
"fingerprint": "f_gen_id_18_satellite",
"pattern": "<title>Blocked Content</title>"
},
{
"fingerprint": "f_gen_id_2_satellite",
"pattern": "<title>Internet Positif - Positifkan diri kamu</title>"
},
{
"fingerprint": "f_gen_id_1_satellite",
"pattern": "<title>ACCESS DENIED</title>"
},
{
"fingerprint": "f_gen_id_20_satellite",
"pattern": "<title>Maaf, Situs ini tidak bisa di akses</title>"
},
{
"fingerprint": "f_gen_id_21_satellite",
"pattern": "<h2>Website ini memiliki larangan akses</h2>"
},
{
"fingerprint": "f_gen_id_22_satellite",
"pattern": "var pname='internet-sehat';"
},
{
"fingerprint": "f_gen_id_24_satellite",
"pattern": "Mohon maaf untuk saat ini akses internet anda sedang terblokir<br>"
},
{
"fingerprint": "f_gen_id_25_satellite",
"pattern": "Laman yang anda tuju sudah diblokir"
},
{
"fingerprint": "f_gen_id_26_satellite",
"pattern": "<h1>Access to this site is restricted\\.</h1>"
},
{
"fingerprint": "f_gen_id_30_satellite",
"pattern": "Situs  yang ada hendak buka kemungkinan termasuk dalam situs yang tidak boleh diakses  melalui jaringan ini karena terindikasi mengandung salah satu unsur"
},
{
"fingerprint": "f_gen_id_4_satellite",
"pattern": "pname=\\'internet-sehat\\';"
},
{
"fingerprint": "f_gen_id_6_satellite",
"pattern": "<title>Internet Sehat</title>"
},
{
"fingerprint": "f_gen_ir_1_satellite",
"pattern": "<title>محتوى محظور</title>"
},
{
"fingerprint": "f_gen_it_2_satellite",
"pattern": "<H1>AVVERTENZA - SITO NON RAGGIUNGIBILE</H1>"
},
{
"fingerprint": "f_gen_it_3_satellite",
"pattern": "<title>Guardia di Finanza</title>"
},
{
"fingerprint": "f_gen_it_4_satellite",
"pattern": "<title>SITO WEB SOTTOPOSTO A SEQUESTRO</title>"
},
{
"fingerprint": "f_gen_it_5_satellite",
"pattern": "SITO INTERNET NON RAGGIUNGIBILE</p>"
},
{
"fingerprint": "f_gen_it_6_satellite",
"pattern": "SITO OSCURATO PER ORDINE"
},
{
"fingerprint": "f_gen_it_7_satellite",
"pattern": "L\\'accesso al sito richiesto &egrave; interdetto</h2><h2>su disposizione dell"
},
{
"fingerprint": "f_gen_it_8_satellite",
"pattern": "<form id=\"block_public\" name=\"block_public\" action=\"/block\\.php\" method=\"GET\">"
},
{
"fingerprint": "f_gen_malicious_website_satellite",
"pattern": "<title>Malicious Website blocked</title>"
},
{
"fingerprint": "f_gen_np_1_satellite",
"pattern": "<title>Block-Content</title>"
},
{
"fingerprint": "f_gen_resource_blocked_satellite",
"pattern": "<title>Resource is blocked</title>"
},
{
"fingerprint": "f_gen_ro_1_satellite",
"pattern": "Accesul dumneavoastră către acest site a fost restricționat de Oficiul Național pentru Jocuri de Noroc\\.</p>"
},
{
"fingerprint": "f_gen_ru_1_satellite",
"pattern": "<title>Accesul interzis - Ресурс заблокирован</title>"
},
{
"fingerprint": "f_gen_ru_10_satellite",
"pattern": "Доступ к запрашиваемому вами ресурсу ограничен!"
},
{
"fingerprint": "f_gen_ru_11_satellite",
"pattern": "Запрашиваемый ресурс заблокирован"
},
{
"fingerprint": "f_gen_ru_13_satellite",
"pattern": "<title>Доступ закрыт</title>"
},
{
"fingerprint": "f_gen_ru_14_satellite",
"pattern": "<h1>Доступ запрещён\\.</h1>"
},
{
"fingerprint": "f_gen_ru_15_satellite",
"pattern": "<title>Site is blocked</title>"
},
{
"fingerprint": "f_gen_ru_16_satellite",
"pattern": "<title>Страница заблокирована</title>"
},
{
"fingerprint": "f_gen_ru_17_satellite",
"pattern": "Доступ да запытанага вамі Інтэрнэт-рэсурса заблакаваны дадатковай паслугай вэб-фільтрацыі"
},
{
"fingerprint": "f_gen_ru_19_satellite",
"pattern": "ДАННЫЙ РЕСУРС ЗАБЛОКИРОВАН"
},
{
"fingerprint": "f_gen_ru_20_satellite",
"pattern": "Об информации, информационных технологиях и о защите информации"
},
{
"fingerprint": "f_gen_ru_3_satellite",
"pattern": "<h1>Доступ запрещён</h1>"
},
{
"fingerprint": "f_gen_ru_4_satellite",
"pattern": "Търсената от Вас страница е с неразрешено съдържание и достъпът"
},
{
"fingerprint": "f_gen_ru_6_satellite",
"pattern": "Паважаны абанент!</h4>"
},
{
"fingerprint": "f_gen_ru_7_satellite",
"pattern": "Доступ к ресурсу ограничен"
},
{
"fingerprint": "f_gen_ru_8_satellite",
"pattern": "Ресурста ақпараттық қауіпсіздікке төнетін қауіп-қатер бар"
},
{
"fingerprint": "f_gen_ru_9_satellite",
"pattern": "<title>Ресурс заблокирован</title>"
},
{
"fingerprint": "f_gen_site_blacklisted_satellite",
"pattern": "<head><title>This domain has been blacklisted</title></head>"
},
{
"fingerprint": "f_gen_site_blocked_satellite",
"pattern": "<title>Site Blocked</title>"
},
{
"fingerprint": "f_gen_th_1_satellite",
"pattern": "बन्देज लगाएको सामग्रीहरु"
},
{
"fingerprint": "f_gen_website_blocked_2_satellite",
"pattern": "<title>Website Blocked</title>"
},
{
"fingerprint": "f_gen_website_blocked_satellite",
"pattern": "<title>WEBSITE BLOCKED</title>"
},
{
"fingerprint": "f_gen_access_denied_satellite",
"pattern": "<title>ACCESS DENIED</title>*src=\"\\./block\\.png"
}
];

export const CENSOREDPLANET_FALSE_POSITIVES: readonly Signature[] = [
{
"fingerprint": "x_fpru_amazon",
"pattern": "copy; 2019, Amazon Web Services, Inc\\. or its affiliates\\. All rights reserved\\."
},
{
"fingerprint": "x_fpru_nginx",
"pattern": "<p><em>Thank you for using nginx\\.</em></p>"
},
{
"fingerprint": "x_fpru_cgi",
"pattern": "<html><head><META HTTP-EQUIV=\"Cache-control\" CONTENT=\"no-cache\"><META HTTP-EQUIV=\"refresh\" CONTENT=\"0;URL=/cgi-sys/defaultwebpage\\.cgi\"></head><body></body></html>"
},
{
"fingerprint": "x_fpru_site_unavailable",
"pattern": "<title>Site Unavailable</title>"
},
{
"fingerprint": "x_fpru_betting",
"pattern": "<title>Букмекерская контора Винлайн\\. Онлайн ставки на спорт!</title>"
},
{
"fingerprint": "x_fpru_404",
"pattern": "<hr><p>HTTP Error 404\\. The requested resource is not found\\.</p>"
},
{
"fingerprint": "x_fpru_nginx_2",
"pattern": "<h1>Welcome to <strong>nginx</strong> on Fedora!</h1"
},
{
"fingerprint": "x_fpru_domain_register",
"pattern": "<p>This domain is ready to be registered\\.</p>"
},
{
"fingerprint": "x_fpru_empty",
"pattern": "<html><body></body></html><!-- no domain config -->"
},
{
"fingerprint": "x_fpru_domain_register_2",
"pattern": "<h1>Future home of something quite cool\\.</h1>"
},
{
"fingerprint": "x_fpru_cgi_2",
"pattern": "<html><head><META HTTP-EQUIV=\"refresh\" CONTENT=\"0;URL=/cgi-sys/defaultwebpage\\.cgi\"></head><body></body></html>"
},
{
"fingerprint": "x_fpru_apache",
"pattern": "<html>Apache is functioning normally</html>"
},
{
"fingerprint": "x_fpru_toomany",
"pattern": "Too many requests"
},
{
"fingerprint": "x_fpru_503_2",
"pattern": "<head><title>503 Service Temporarily Unavailable</title></head>"
},
{
"fingerprint": "x_fpru_heroku",
"pattern": "<iframe src=\"//www\\.herokucdn\\.com/error-pages/no-such-app\\.html\"></iframe>"
},
{
"fingerprint": "x_fpru_unexpected",
"pattern": "Unexpected URI\\."
},
{
"fingerprint": "x_fpru_silent_place",
"pattern": "<h1>Welcome to silent place</h1>"
},
{
"fingerprint": "x_fpru_chinese_notfound",
"pattern": "<div class=\"title\">没有找到站点</div>"
},
{
"fingerprint": "x_fpru_bad",
"pattern": "Bad request"
},
{
"fingerprint": "x_fpru_nginx_3",
"pattern": "<center><h1>401 Authorization Required</h1></center>"
},
{
"fingerprint": "x_fpru_not_accept",
"pattern": "Not Acceptable"
},
{
"fingerprint": "x_fpru_shared",
"pattern": "<body><center>This IP is being shared among many domains\\.<br>"
},
{
"fingerprint": "x_fpru_puppet",
"pattern": "<pre>pageok</pre>"
},
{
"fingerprint": "x_fpru_domain_register_3",
"pattern": "<p>The web server software is running but no content has been added, yet\\.</p>"
},
{
"fingerprint": "x_fpru_nginx_4",
"pattern": "<center><h1>410 Gone</h1></center>"
},
{
"fingerprint": "x_fpru_fastpanel",
"pattern": "<title>FASTPANEL</title>"
},
{
"fingerprint": "x_fpru_domain_register_4",
"pattern": "a href=\"http://ispsystem\\.com/external/ispmanager\\.html\""
},
{
"fingerprint": "x_fpru_404_2",
"pattern": "<br>Please check the URL or go back a page\\."
},
{
"fingerprint": "x_fpru_ad",
"pattern": "<META HTTP-EQUIV=\"REFRESH\" CONTENT=\"0; URL=//cr5\\.cabf790c7f\\.com/promo/click/5c3e9ef170d60\">"
},
{
"fingerprint": "x_fpru_plesk",
"pattern": "<p>This page is generated by <a href=\"https://www\\.plesk\\.com\" target=\"_blank\">Plesk</a>, the leading hosting automation software\\. You see this page because there is no Web site at this address\\.</p>"
},
{
"fingerprint": "x_fpru_parking",
"pattern": "src=\"//sedoparking\\.com/frmpark/"
},
{
"fingerprint": "x_fpru_new",
"pattern": "<h1>Hello, world A!</h1>"
},
{
"fingerprint": "x_fpru_beget",
"pattern": "<title>Домен не прилинкован ни к одной из директорий на сервере!</title>"
},
{
"fingerprint": "x_fpru_nginx_5",
"pattern": "<title>Welcome to nginx on Debian!</title>"
},
{
"fingerprint": "x_fpru_nginx_6",
"pattern": "<html>Nginx is functioning normally</html>"
},
{
"fingerprint": "x_fpru_service",
"pattern": "<html><body><b>Http/1\\.1 Service Unavailable</b></body> </html>"
},
{
"fingerprint": "x_fpru_txnetworks",
"pattern": "This web server is operated by <a href=\"http://www\\.txnetworks\\.cn/\">TXNetworks</a></p></body></html>"
},
{
"fingerprint": "x_fpru_file_not_found",
"pattern": "File not found\\."
},
{
"fingerprint": "x_fpru_notice",
"pattern": "<b>Notice</b>:  Undefined index:"
},
{
"fingerprint": "x_fpru_dreamhost",
"pattern": "<p>Well, this is awkward\\. The site </p>"
},
{
"fingerprint": "x_fpru_default",
"pattern": "default backend - 404"
},
{
"fingerprint": "x_fpru_iis",
"pattern": "<P ID=message1>If you are the Web site administrator and feel you have received this message in error, please see &quot;Enabling and Disabling Dynamic Content&quot; in IIS Help\\."
},
{
"fingerprint": "x_fpru_disabled",
"pattern": "<h1>Website disabled</h1>"
},
{
"fingerprint": "x_fpru_betcity",
"pattern": "<title>Букмекерская компания BETCITY — Ставки на спорт online</title"
},
{
"fingerprint": "x_fpru_maintanence",
"pattern": "<p>Приносим свои извинения за временные неудобства\\.</p"
},
{
"fingerprint": "x_fpru_500",
"pattern": "<html><body><h1>500 Server Error</h1>"
},
{
"fingerprint": "x_fpru_not_found",
"pattern": "Not found<img src=\"//traffic-counter\\.tech/api/q\\.php\" style=\"display: none\">"
},
{
"fingerprint": "x_fpru_maintanence_2",
"pattern": "<h1>Сайт не обслуживается</h1"
},
{
"fingerprint": "x_fpru_works",
"pattern": "<html><body><h1>It works!</h1></body></html>"
},
{
"fingerprint": "x_fpru_nginx_7",
"pattern": "NGINX default config"
},
{
"fingerprint": "x_fpru_serverside",
"pattern": "<h1>It appears you are accessing our website from a prohibited location\\.</h1>"
},
{
"fingerprint": "x_fpru_license",
"pattern": "Module miniposter license key not found"
},
{
"fingerprint": "x_fpru_parking_2",
"pattern": "<h1>Сайт не обслуживается</h1>"
},
{
"fingerprint": "x_fpru_default_2",
"pattern": "Welcome to default server site\\. In 10 seconds you will be redirected to our main site: <a href=\"http://hvosting\\.ua/\">http://hvosting\\.ua/</a>\\."
},
{
"fingerprint": "x_fpru_412",
"pattern": "<center><h1>412 Precondition Failed</h1></center>"
},
{
"fingerprint": "x_fpru_weird",
"pattern": "- Просите, и дано будет вам; ищите, и найдете; стучите, и отворят вам"
},
{
"fingerprint": "x_fpru_browser",
"pattern": " send a complete request in time\\."
},
{
"fingerprint": "x_fpru_coming_soon",
"pattern": "<title>Coming Soon page</title>"
},
{
"fingerprint": "x_fpru_ded",
"pattern": "ded5131"
},
{
"fingerprint": "x_fpru_not_found_3",
"pattern": "Not found"
},
{
"fingerprint": "x_fpru_proxy",
"pattern": "<title>proxy\\.is - Offshore Reverse Proxies\\.</title>"
},
{
"fingerprint": "x_fpru_label",
"pattern": "Invalid Label"
},
{
"fingerprint": "x_fpru_not_fount_4",
"pattern": "<h1>Requested Website Not Found</h1>"
},
{
"fingerprint": "x_fpru_weird_2",
"pattern": "stm-web-01"
},
{
"fingerprint": "x_fpru_hvosting",
"pattern": "<a href=\"http://hvosting\\.ua/\" target=\"_blank\" class=\"login-copy\">© HvOSTING\\.UA by Nucleus</a>"
},
{
"fingerprint": "x_fpru_404_4",
"pattern": "location\\.replace\\(\"http://e\\.busca\\.uol\\.com\\.br/404\\.html\" \\+ param\\); </script>"
},
{
"fingerprint": "x_fpru_php",
"pattern": "Your PHP installation appears to be missing the MySQL extension which is required by WordPress\\."
},
{
"fingerprint": "x_fpru_access",
"pattern": "<html><body><div align=center><h3>access denied! \\(ovh-sbg\\[rbx\\]_2\\.1\\)</h3></div></body></html>"
},
{
"fingerprint": "x_fpru_forpsi",
"pattern": "href=\"http://www\\.forpsi\\.com\" target=\"_parent\">"
},
{
"fingerprint": "x_fpru_betting_2",
"pattern": "<meta name=\"keywords\" content=\"Stake £10 Get £30 Welcome Offer, Betfred offers, Betfred welcome bonus, Betfred new customers\">"
},
{
"fingerprint": "x_fpru_402",
"pattern": "<center><h1>402 Payment Required</h1></center>"
},
{
"fingerprint": "x_fpru_drugs",
"pattern": "<title>24dd\\.biz - Daffy Drugs - Автопродажи закладок в обход блокировки24dd\\.biz &#8212; Daffy Drugs \\| Автопродажи закладок в обход блокировки </title>"
},
{
"fingerprint": "x_fpru_410",
"pattern": "HTTP/1\\.0 410 Gone<br>"
},
{
"fingerprint": "x_index_of",
"pattern": "Index of /"
},
{
"fingerprint": "x_bandwidth_1",
"pattern": "This site has exceeded the allotted bandwidth"
},
{
"fingerprint": "x_bandwidth_2",
"pattern": "Bandwidth Limit Exceeded"
},
{
"fingerprint": "x_park_network_solutions",
"pattern": "rg-erdr\\.php\\?"
},
{
"fingerprint": "x_park_1and1_1",
"pattern": "1und1parking"
},
{
"fingerprint": "x_part_1and1_2",
"pattern": "<meta http-equiv=\"Refresh\" content=\"0;url=defaultsite\" />"
},
{
"fingerprint": "x_generic_400",
"pattern": "Your browser sent a request that this server could not understand"
},
{
"fingerprint": "x_generic_404",
"pattern": "404 Not Found"
},
{
"fingerprint": "x_generic_404_2",
"pattern": " looking for could not be found"
},
{
"fingerprint": "x_generic_404_3",
"pattern": "The URL you requested either moved or no longer exists\\."
},
{
"fingerprint": "x_generic_404_4",
"pattern": "Error 404 \\(Not Found\\)"
},
{
"fingerprint": "x_generic_429",
"pattern": "429 Too Many Requests"
},
{
"fingerprint": "x_generic_502",
"pattern": "502 Bad Gateway"
},
{
"fingerprint": "x_generic_503_1",
"pattern": "<h1>Service Unavailable</h1>"
},
{
"fingerprint": "x_generic_503_2",
"pattern": "HTTP Error 503"
},
{
"fingerprint": "x_generic_503_3",
"pattern": "503 - Service Unavailable"
},
{
"fingerprint": "x_generic_503_4",
"pattern": "503 Service Unavailable"
},
{
"fingerprint": "x_generic_sp_403",
"pattern": "buscando no aparece en nuestro servidor\\. Esto se puede deber a que"
},
{
"fingerprint": "x_generic_bad_req",
"pattern": "<h1>Bad Request \\(Invalid Hostname\\)</h1>"
},
{
"fingerprint": "x_generic_500",
"pattern": "500 Internal Server Error"
},
{
"fingerprint": "x_generic_construct",
"pattern": "This site is under development"
},
{
"fingerprint": "x_generic_akamai_error",
"pattern": "An error occurred while processing your request\\.<p>"
},
{
"fingerprint": "x_generic_reject",
"pattern": "The requested URL was rejected\\. Please consult with your administrator "
},
{
"fingerprint": "x_redirect_german",
"pattern": "<h1>Feil i videresendingskommando</h1>"
},
{
"fingerprint": "x_redirect_notice",
"pattern": "<html><head></head><body>Redirecting\\.\\.\\.</body></html>"
},
{
"fingerprint": "x_redirect_frwd_err",
"pattern": "No forwarding set for "
},
{
"fingerprint": "x_varnish_error",
"pattern": "Guru Meditation:"
},
{
"fingerprint": "x_cloudflare_check",
"pattern": "Checking your browser before accessing"
},
{
"fingerprint": "x_generic_suspend",
"pattern": "Website suspended"
},
{
"fingerprint": "x_squarespace_expired",
"pattern": "<title>Squarespace - Website Expired</title>"
},
{
"fingerprint": "x_deact",
"pattern": "This website has been deactivated"
},
{
"fingerprint": "x_expired",
"pattern": "This website has expired"
},
{
"fingerprint": "x_brand_new",
"pattern": "<h1>This Site is Brand New</h1>"
},
{
"fingerprint": "x_dns_fail",
"pattern": "<H1>Service Unavailable - DNS failure</H1>"
},
{
"fingerprint": "x_easydns_fail",
"pattern": "The domain you are attempting to access uses URL forwarding provided by easyDNS\\."
},
{
"fingerprint": "x_vbr",
"pattern": "<html><head></head><body><!-- vbe --></body></html>"
},
{
"fingerprint": "x_godaddy_ddos_warning",
"pattern": "<td><span>DDOS attempt was blocked\\.</span></td>"
},
{
"fingerprint": "x_cloudflare_error_1",
"pattern": "Ray ID:"
},
{
"fingerprint": "x_cloudflare_error_2",
"pattern": "Cloudflare Location:"
},
{
"fingerprint": "s3_deny_1",
"pattern": "Anonymous user has no right to access this bucket\\."
},
{
"fingerprint": "s3_deny_2",
"pattern": "<Error><Code>AccessDenied</Code>"
},
{
"fingerprint": "squarespace_domain_claim",
"pattern": "Domain Not Claimed"
},
{
"fingerprint": "wix_error",
"pattern": "wixErrorPagesApp"
},
{
"fingerprint": "hostmonster",
"pattern": "<TITLE>HostMonster - Web hosting</TITLE>"
},
{
"fingerprint": "ovh_error",
"pattern": "Site not installed"
},
{
"fingerprint": "x_maybeinject_iyp404",
"pattern": "http://www\\.iyfipgun\\.com/"
},
{
"fingerprint": "x_maybeinject_ifydnun",
"pattern": "www\\.ifydnun\\.com/"
},
{
"fingerprint": "x_maybeinject_dsnextgen_",
"pattern": "dsnextgen\\.com"
},
{
"fingerprint": "x_maybeinject_ukraine",
"pattern": "http://www\\.ukraine\\.com\\.ua"
},
{
"fingerprint": "x_weird_tspd",
"pattern": "src=\"/TSPD/"
},
{
"fingerprint": "x_weird_noxious",
"pattern": "noxious\\.php"
},
{
"fingerprint": "x_weird_hutto",
"pattern": "<title>D.*Marie Hooks-Hutto</title>"
},
{
"fingerprint": "x_fp_mn_weird_noidea",
"pattern": "ИНЕГ &#8211; ИРГЭНИЙ НИСЭХИЙН ЕРӨНХИЙ ГАЗАР"
},
{
"fingerprint": "x_fp_ve_weird_noidea",
"pattern": "<title>CANTV</title>"
},
{
"fingerprint": "x_fp_ge_weird_noidea",
"pattern": "napr\\.gov\\.ge"
},
{
"fingerprint": "x_fp_irebay",
"pattern": "https://ir\\.ebaystatic\\.com"
},
{
"fingerprint": "x_fp_mmnic",
"pattern": "mmNIC Webmail :: Welcome to mmNIC Webmail"
},
{
"fingerprint": "x_fp_costa",
"pattern": "Costa Rica Servers - Default Page"
},
{
"fingerprint": "x_fp_milcom",
"pattern": "United States Pacific Command \\(USPACOM\\)"
},
{
"fingerprint": "x_fp_kosoleh",
"pattern": "webmail\\.konsoleh\\.co\\.za"
},
{
"fingerprint": "x_fp_holocaust",
"pattern": "United States Holocaust Memorial Museum"
},
{
"fingerprint": "x_fp_serverconfig",
"pattern": "Кыргыз Республикасынын Улуттук банкы"
},
{
"fingerprint": "x_fp_trumpspanish",
"pattern": "El año de Trump"
},
{
"fingerprint": "x_fp_ipower",
"pattern": "http://www\\.ipower\\.com/ipower/index\\.bml"
},
{
"fingerprint": "x_fp_netfirms",
"pattern": "Netfirms \\| This site is temporarily unavailable"
},
{
"fingerprint": "x_fp_bluehost",
"pattern": "Bluehost\\.com"
},
{
"fingerprint": "x_fp_christ",
"pattern": "United Church of Christ"
},
{
"fingerprint": "x_fp_serverconfig_again",
"pattern": "Сайта с таким именем нет на сервере"
},
{
"fingerprint": "x_fp_plasticserver",
"pattern": "<title>PlasticStudio server</title>"
},
{
"fingerprint": "x_fp_indiamart",
"pattern": "wholesalers at Buy Now Indiamart"
},
{
"fingerprint": "x_fp_justhost",
"pattern": "<title>Justhost\\.com</title>"
},
{
"fingerprint": "x_fp_rfi",
"pattern": "Radio France Internationale - RFI"
},
{
"fingerprint": "x_fp_aud",
"pattern": "American University in Dubai"
},
{
"fingerprint": "x_fp_kissanime",
"pattern": ">This site does not work with CHROME DATA SAVER and \"Mini browsers\" \\(e\\.g\\. UC mini, Opera mini\\.\\.\\.\\)"
},
{
"fingerprint": "x_fp_chosun",
"pattern": "1등 인터넷뉴스 조선닷컴"
},
{
"fingerprint": "x_fp_ge_gov",
"pattern": "საქართველოს მთავრობა &ndash; მთავარი"
},
{
"fingerprint": "x_fp_jp_squeenix",
"pattern": "<!-- その他リンク一覧 -->"
},
{
"fingerprint": "x_fp_oicc",
"pattern": "<title>Organization of islamic capitals and cities</title>"
},
{
"fingerprint": "x_fp_ro_aries",
"pattern": "Aries Net: Internet de mare viteza !"
},
{
"fingerprint": "x_fp_cn_diygod",
"pattern": "<title>DIYgod的简历</title>"
},
{
"fingerprint": "x_fp_github",
"pattern": "Welcome to GitHub Pages"
},
{
"fingerprint": "x_fp_patch",
"pattern": "<title>Patch - Everything Local: Breaking News, Events, Discussions</title>"
},
{
"fingerprint": "x_fp_ko_tv",
"pattern": "<title>아프리카TV</title>"
},
{
"fingerprint": "x_fp_ko_power",
"pattern": "전력거래소 메인화면 / 신뢰받는 전력 비즈니스 플랫폼"
},
{
"fingerprint": "x_fp_tr_armda",
"pattern": "<title>ArmAdA Bilgisayar Sistemleri San\\.ve Tic\\. A\\.Ş\\.</title>"
},
{
"fingerprint": "x_fp_tax",
"pattern": "<title>www\\.2290onlinetaxfiling\\.com - About 2290 online tax</title>"
},
{
"fingerprint": "x_fp_tr_teknologi",
"pattern": "DGN Teknoloji Datacenter, Servis"
},
{
"fingerprint": "x_fp_pl_panstwo_krakowie",
"pattern": "Strona główna - Komenda Wojewódzka Państwowej Straży Pożarnej w Krakowie"
},
{
"fingerprint": "x_fp_ua_muff",
"pattern": "<title>muff\\.kiev\\.ua"
},
{
"fingerprint": "x_fp_tz_nic",
"pattern": "<title>tzNIC \\| Tanzania Network Information Centre - \\.tz registry"
},
{
"fingerprint": "x_fp_ca_cbc",
"pattern": "CBC\\.ca - watch, listen, and discover with Canada"
},
{
"fingerprint": "x_fp_newnownext",
"pattern": "Current Events - NewNowNext"
},
{
"fingerprint": "x_fp_feds",
"pattern": "<title>404 Error: Page Not Found \\| Federation Training</title>"
},
{
"fingerprint": "x_fp_lv_hosting",
"pattern": ">Web izstrāde, hostings"
},
{
"fingerprint": "x_fp_globicom",
"pattern": "<title>GlobiCom Limited </title>"
},
{
"fingerprint": "x_fp_ua_ukraine",
"pattern": "<TITLE>UKRAINE\\.com\\.ua"
},
{
"fingerprint": "x_fp_wamp",
"pattern": "<title>WAMPSERVER Homepage</title>"
},
{
"fingerprint": "x_fp_ready",
"pattern": "<title>Your website is ready to use</title>"
},
{
"fingerprint": "x_fp_gandi",
"pattern": "This domain name has been registered with Gandi\\.net"
},
{
"fingerprint": "x_fp_zimbra",
"pattern": "<title>Zimbra Web Client Sign In</title>"
},
{
"fingerprint": "x_fp_roundcube",
"pattern": "roundcube_logo\\.png"
},
{
"fingerprint": "x_fp_ipage",
"pattern": "http://www\\.ipage\\.com"
},
{
"fingerprint": "x_fp_lastfm",
"pattern": "http://mim\\.fm"
},
{
"fingerprint": "x_fp_gotanet",
"pattern": "webmail1\\.gotanet\\.se"
},
{
"fingerprint": "x_fp_jekyll",
"pattern": "welcome-to-jekyll"
},
{
"fingerprint": "x_fp_gamespot",
"pattern": "Redirecting to https://www\\.gamespot\\.com"
},
{
"fingerprint": "p_fp_1",
"pattern": "<title>Quick Heal Total Security</title>"
},
{
"fingerprint": "p_fp_2",
"pattern": "<title>Quick Heal AntiVirus</title>"
},
{
"fingerprint": "p_fp_3",
"pattern": "<title>Quick Heal AntiVirus Pro</title>"
},
{
"fingerprint": "p_fp_4",
"pattern": "<title>Seqrite Antivirus</title>"
},
{
"fingerprint": "p_fp_5",
"pattern": " <title>Warning!</title>"
},
{
"fingerprint": "p_fp_6",
"pattern": "<title>Potential Threat Detected</title>"
},
{
"fingerprint": "p_fp_7",
"pattern": "<title>Quick Heal Internet Security</title>"
},
{
"fingerprint": "p_fp_8",
"pattern": "121\\.201\\.80\\.216/index\\.html\\?url="
},
{
"fingerprint": "p_fp_9",
"pattern": "Fastly error: unknown domain:"
},
{
"fingerprint": "p_fp_10",
"pattern": "If you believe you are seeing this message in error, please contact your network administrator\\."
},
{
"fingerprint": "p_fp_11",
"pattern": "Domain Expired"
},
{
"fingerprint": "p_fp_12",
"pattern": "The requested URI does not represent any resource on the server\\."
},
{
"fingerprint": "p_fp_13",
"pattern": "400 Unknown Virtual Host"
},
{
"fingerprint": "p_fp_14",
"pattern": "The requested URL could not be retrieved"
},
{
"fingerprint": "p_fp_15",
"pattern": "working to restore all services as soon as possible\\. Please check back soon\\."
},
{
"fingerprint": "p_fp_16",
"pattern": "This website is currently suspended and  hosted by"
},
{
"fingerprint": "p_fp_17",
"pattern": "You may not use this file except in compliance with the License\\."
},
{
"fingerprint": "p_fp_18",
"pattern": "Apache HTTP Server Test Page powered by CentOS"
},
{
"fingerprint": "p_fp_19",
"pattern": "<title>InMotion Hosting</title>"
},
{
"fingerprint": "p_fp_20",
"pattern": "<title>WebNode API</title>"
},
{
"fingerprint": "p_fp_21",
"pattern": "Site not found &middot; DreamHost"
},
{
"fingerprint": "p_fp_22",
"pattern": "The page you are trying to access is protected by Project Shield, but recent configuration changes are propagating through our system\\. Try reloading the page in a minute\\."
},
{
"fingerprint": "p_fp_23",
"pattern": "Temporary Redirect"
},
{
"fingerprint": "p_fp_24",
"pattern": "Please report this message and include the following information to us"
},
{
"fingerprint": "p_fp_25",
"pattern": "The requested URL was rejected"
},
{
"fingerprint": "p_fp_26",
"pattern": "企业邮箱 - 用户登录"
},
{
"fingerprint": "p_fp_27",
"pattern": "The bucket you visit is not belong to you\\."
},
{
"fingerprint": "p_fp_28",
"pattern": "Dr\\.Web strongly advises you against visiting this website"
},
{
"fingerprint": "p_fp_29",
"pattern": "This site is under construction\\."
},
{
"fingerprint": "p_fp_30",
"pattern": "very sorry, but the page could not be loaded properly\\. This should be fixed very soon, and we apologize for any inconvenience\\."
},
{
"fingerprint": "p_fp_31",
"pattern": "Anonymous access is forbidden for this operation\\."
},
{
"fingerprint": "p_fp_32",
"pattern": "The specified key does not exist\\."
},
{
"fingerprint": "p_fp_34",
"pattern": "The specified bucket does not exist\\."
},
{
"fingerprint": "p_fp_36",
"pattern": "The bucket you access does not belong to you\\."
},
{
"fingerprint": "p_fp_37",
"pattern": "The Open Technology Fund supports projects and people that develop open and accessible technologies promoting human rights and open societies, and help advance inclusive and safe access to global communications networks"
},
{
"fingerprint": "p_fp_38",
"pattern": "<!-- BLOQUES OPCIONES -->"
},
{
"fingerprint": "r_fp_1",
"pattern": "<hr><center>nginx</center>"
},
{
"fingerprint": "r_fp_4",
"pattern": "Finance News"
},
{
"fingerprint": "r_fp_5",
"pattern": "<title>Yahoo</title>"
},
{
"fingerprint": "r_fp_6",
"pattern": "<meta name=.*twitter:card"
},
{
"fingerprint": "r_fp_7",
"pattern": "political news"
},
{
"fingerprint": "r_fp_8",
"pattern": "<title>Westboro Baptist Church Home Page</title>"
},
{
"fingerprint": "r_fp_9",
"pattern": "Extranet"
},
{
"fingerprint": "r_fp_10",
"pattern": "Location: http://localhost"
},
{
"fingerprint": "r_fp_11",
"pattern": "Deep Edge</title>"
},
{
"fingerprint": "r_fp_12",
"pattern": "<title>Trust Mamma</title>"
},
{
"fingerprint": "r_fp_13",
"pattern": "Free Porn Videos"
},
{
"fingerprint": "r_fp_14",
"pattern": "The International Foundation"
},
{
"fingerprint": "r_fp_15",
"pattern": "NotFoundPage"
},
{
"fingerprint": "r_fp_16",
"pattern": "eHarmonyUS"
},
{
"fingerprint": "r_fp_17",
"pattern": "Gay Porn Tube"
},
{
"fingerprint": "r_fp_18",
"pattern": "80\\.216"
},
{
"fingerprint": "r_fp_19",
"pattern": "var xu ="
},
{
"fingerprint": "r_fp_20",
"pattern": "AGET / HTTP/1\\.1"
},
{
"fingerprint": "r_fp_21",
"pattern": "Server: aodun/2\\.1\\.1"
},
{
"fingerprint": "r_fp_22",
"pattern": "Server: nginx/1\\.15\\.1"
},
{
"fingerprint": "r_fp_23",
"pattern": "16/index\\.html"
},
{
"fingerprint": "r_fp_24",
"pattern": "Set-Cookie: fist_user_zz=1"
},
{
"fingerprint": "r_fp_25",
"pattern": "121\\.201\\.80\\.216:9000"
},
{
"fingerprint": "r_fp_27",
"pattern": "Server: Apache-Coyote"
},
{
"fingerprint": "r_fp_28",
"pattern": "Set-Cookie:.*domain=\\."
},
{
"fingerprint": "r_fp_29",
"pattern": "Welcome to SCB log tracker"
},
{
"fingerprint": "r_fp_30",
"pattern": "<head><title>Asynchronous Web Server</title>"
},
{
"fingerprint": "r_fp_31",
"pattern": "<h1>El Universal </>"
},
{
"fingerprint": "r_fp_32",
"pattern": "<h1>505 - HTTP Version Not Supported</h1>"
},
{
"fingerprint": "r_fp_33",
"pattern": "There is no website configured at this address\\."
},
{
"fingerprint": "r_fp_34",
"pattern": "<address>Apache/2\\.4\\.7 \\(Ubuntu\\) "
},
{
"fingerprint": "r_fp_35",
"pattern": "We are experiencing technical difficulty\\."
},
{
"fingerprint": "r_fp_36",
"pattern": "<h1>LangHREF</h1>"
},
{
"fingerprint": "r_fp_37",
"pattern": "token invalid"
},
{
"fingerprint": "r_fp_38",
"pattern": "<head><title>Login cgicc form</title>"
},
{
"fingerprint": "r_fp_39",
"pattern": "Location: https://us\\.yahoo\\.com"
},
{
"fingerprint": "r_fp_40",
"pattern": "Location: http://aaa\\.com"
},
{
"fingerprint": "r_fp_41",
"pattern": "http://185\\.100\\.67\\.39/\\?hizb-ut-tahrir\\.org"
},
{
"fingerprint": "r_fp_42",
"pattern": "http://1\\.1\\.1\\.2"
},
{
"fingerprint": "r_fp_43",
"pattern": "max-age=86400"
},
{
"fingerprint": "r_fp_44",
"pattern": "Location: http://10\\.1\\.255\\.4/disable/disable\\.htm"
},
{
"fingerprint": "r_fp_45",
"pattern": "f you added your website recently it will show up here shortly\\."
},
{
"fingerprint": "r_fp_46",
"pattern": "Apache2 Debian Default Pag"
},
{
"fingerprint": "r_fp_47",
"pattern": "under construction"
},
{
"fingerprint": "r_fp_48",
"pattern": "Server: ADM/2\\.1\\.1"
},
{
"fingerprint": "r_fp_49",
"pattern": "disable/disable\\.htm"
},
{
"fingerprint": "r_fp_50",
"pattern": "http://192\\.168\\.0\\.16/"
},
{
"fingerprint": "r_fp_51",
"pattern": "Quick Heal IS Essentials"
},
{
"fingerprint": "r_fp_52",
"pattern": "http://77\\.121\\.14\\.5"
},
{
"fingerprint": "x_url_not_foung",
"pattern": "The specified URL cannot be found\\."
},
{
"fingerprint": "x_edomex",
"pattern": "edomex\\.gob\\.m"
},
{
"fingerprint": "c_dotster",
"pattern": "www\\.dotster\\.com"
},
{
"fingerprint": "x_theme",
"pattern": "<!-- THEME DEBUG -->"
},
{
"fingerprint": "x_iis",
"pattern": "img src=\"iis-85\\.png\""
},
{
"fingerprint": "x_dtlaw",
"pattern": "Dan Tan Law"
},
{
"fingerprint": "x_eyecare",
"pattern": "Eye Care Clinic, Optometry Services, Optometry Clinic - Monrovia, MONTSERRADO"
},
{
"fingerprint": "x_bluewin_webmail",
"pattern": "URL=https://webmail\\.sso\\.bluewin\\.ch/"
},
{
"fingerprint": "x_rerdirector",
"pattern": "Redirector error"
},
{
"fingerprint": "x_zim_uni",
"pattern": "Home \\| Zimbabwe Open University"
},
{
"fingerprint": "x_ebay",
"pattern": "http://rover\\.ebay\\.in/roverimp/0/0/9\\?imp=1465680"
},
{
"fingerprint": "x_dns_invalid",
"pattern": "Invalid DNS data"
},
{
"fingerprint": "x_site_unavailable",
"pattern": "<h1>Unfortunately this site is currently unavailable\\.</h1>"
},
{
"fingerprint": "x_site_unavailable_2",
"pattern": "Web Hosting - This site is temporarily unavailable"
},
{
"fingerprint": "x_coming_soon",
"pattern": "Coming soon"
},
{
"fingerprint": "x_200_ok",
"pattern": "<h2> 200 OK - 102 - 40344 </h2>"
},
{
"fingerprint": "x_400_bad_request",
"pattern": "<h1>400 Bad Request</h1>"
},
{
"fingerprint": "x_doc_not_found",
"pattern": "{\"error\":\"Document not found\"}"
},
{
"fingerprint": "x_not_authorized_bt",
"pattern": "Not Authorized to View This Page \\[CFN #0004\\]"
},
{
"fingerprint": "x_bool_false",
"pattern": "bool\\(false\\)"
},
{
"fingerprint": "x_object_not_found",
"pattern": "<html><body>Object not found</body></html>"
},
{
"fingerprint": "x_media",
"pattern": "Unsupported Media Type"
},
{
"fingerprint": "x_hello_world",
"pattern": "Hello .orld"
},
{
"fingerprint": "x_invisible_bucket",
"pattern": "msg\":\"invisible bucket\"}"
},
{
"fingerprint": "x_cabezon_mansilla",
"pattern": "cabezon mansilla"
},
{
"fingerprint": "x_521",
"pattern": "521 Origin Down"
},
{
"fingerprint": "x_501",
"pattern": "501 Not Implemented"
},
{
"fingerprint": "x_precond",
"pattern": "Precondition Failed"
},
{
"fingerprint": "x_oh_move_3",
"pattern": "Omg, not found"
},
{
"fingerprint": "x_url_ip",
"pattern": "IP address URL not supported"
},
{
"fingerprint": "x_ae_here",
"pattern": "AE HERE"
},
{
"fingerprint": "x_just_head_body",
"pattern": "<html><head></head><body><!-- ue --></body></html>"
},
{
"fingerprint": "x_incapsula",
"pattern": "<script src=\"/_Incapsula_Resource\\?SWJIYLWA=5074a744e2e3d891814e9a2dace20bd4,719d34d31c8e3a6e6fffd425f7e032f3"
},
{
"fingerprint": "x_bad_bad_request",
"pattern": "Bad Request"
},
{
"fingerprint": "x_xml",
"pattern": "could not open XML input"
},
{
"fingerprint": "x_busy",
"pattern": "BUSY"
},
{
"fingerprint": "x_obj_not_found",
"pattern": "bject not found"
},
{
"fingerprint": "x_suspended",
"pattern": "Your internet is suspended"
},
{
"fingerprint": "x_timestamp",
"pattern": "<br><br>.* \\+0300"
},
{
"fingerprint": "x_taikoo",
"pattern": "\\(taikoo/"
},
{
"fingerprint": "x_msg_id",
"pattern": "{\"msg\":.*\"id\":"
},
{
"fingerprint": "x_reg_redi",
"pattern": "Regional Redirect"
},
{
"fingerprint": "x_error_code",
"pattern": "error code: "
},
{
"fingerprint": "x_forbidden_directly",
"pattern": "It is forbidden to call this procedure directly from the browser!"
},
{
"fingerprint": "x_service_unavailable",
"pattern": "Service Unavailable"
},
{
"fingerprint": "x_internal_server_error",
"pattern": "<TITLE>Internal Server Error</TITLE>"
},
{
"fingerprint": "x_cannot_process",
"pattern": "unfortunately we could not process your request right now\\."
},
{
"fingerprint": "x_no_such_bucket",
"pattern": "<Code>NoSuchBucket</Code>"
},
{
"fingerprint": "x_redirect_akamai",
"pattern": "<h1>Error 421 Misdirected Request from Akamai"
},
{
"fingerprint": "x_quickcash",
"pattern": "<script>document\\.location = .*https://qua\\.express-cash\\.pt/ExpressCashPL/Default\\.aspx.*;</script>"
},
{
"fingerprint": "x_hp",
"pattern": "<META HTTP-EQUIV=REFRESH CONTENT=\"0;URL=/script/main/hp\\.asp\">"
},
{
"fingerprint": "x_�\u001a",
"pattern": "�.*�"
},
{
"fingerprint": "x_on_this_server",
"pattern": "You don.t have permission to access.*on this server\\.<P>"
},
{
"fingerprint": "x_user_check",
"pattern": "UserCheck/PortalMain"
},
{
"fingerprint": "x_msn",
"pattern": "<title>MSN \\| Outlook, Office, Skype, Bing, Breaking News, and Latest Videos</title>"
},
{
"fingerprint": "x_us_command",
"pattern": "U\\.S\\..*Command"
},
{
"fingerprint": "x_blogger",
"pattern": "Blogger Template Style"
},
{
"fingerprint": "x_seemingly_empty",
"pattern": "</head><body></body></html>"
},
{
"fingerprint": "x_defense",
"pattern": "Defense Intelligence Agency"
},
{
"fingerprint": "x_correct_403",
"pattern": "error was encountered while trying to use an ErrorDocument to handle the request"
},
{
"fingerprint": "x_preace_principle",
"pattern": "peaceprinciple"
},
{
"fingerprint": "x_503_temp_unaiv",
"pattern": "<title>503 Service Temporarily Unavailable</title>"
},
{
"fingerprint": "x_messenger",
"pattern": "http://messenger\\.com"
},
{
"fingerprint": "x_xinhuanet",
"pattern": "www\\.xinhuanet\\.com"
},
{
"fingerprint": "x_invalid_url",
"pattern": "Invalid URL"
},
{
"fingerprint": "x_online_bookstore",
"pattern": "Online Bookstore:"
},
{
"fingerprint": "x_bing",
"pattern": "<title>Bing</title>"
},
{
"fingerprint": "x_iicwc",
"pattern": "www\\.iicwc\\.org"
},
{
"fingerprint": "x_photobucket",
"pattern": "<h2>Welcome to Photobucket!</h2>"
},
{
"fingerprint": "x_test",
"pattern": "<b>En phase de test</b>"
},
{
"fingerprint": "x_scientology",
"pattern": "Scientologypittsburgh"
},
{
"fingerprint": "x_breadcrumbs",
"pattern": "var breadcrumbs"
},
{
"fingerprint": "x_sec59",
"pattern": "<p><pre>SEC-59</pre>"
},
{
"fingerprint": "x_system_error",
"pattern": "System Error"
},
{
"fingerprint": "x_spotify",
"pattern": "Connect to Spotify"
},
{
"fingerprint": "x_page_not_found",
"pattern": "Page Not Found"
},
{
"fingerprint": "x_groupon",
"pattern": "Groupon"
},
{
"fingerprint": "x_youtube",
"pattern": "<title>YouTube</title>"
},
{
"fingerprint": "x_news",
"pattern": "Breaking News"
},
{
"fingerprint": "x_speedtest",
"pattern": "speedtest\\.net"
},
{
"fingerprint": "x_ipcc",
"pattern": "<title>IPCC — Intergovernmental Panel on Climate Change</title>"
},
{
"fingerprint": "x_ugalnet",
"pattern": "<title>UgalNET Monitor</title>"
},
{
"fingerprint": "x_bitcoin",
"pattern": "Sell Bitcoin"
},
{
"fingerprint": "x_macarthur",
"pattern": "<title>MacArthur Foundation</title>"
},
{
"fingerprint": "x_icc",
"pattern": "title>International Communist Current \\| Workers of the world, unite!</title>"
},
{
"fingerprint": "x_truecaller",
"pattern": "https://www\\.instagram\\.com/truecaller/"
},
{
"fingerprint": "x_alexbank",
"pattern": "https://internetbanking\\.alexbank\\.com/banking"
},
{
"fingerprint": "x_wix",
"pattern": "wix\\.com"
},
{
"fingerprint": "x_JOT",
"pattern": "window\\.JOT"
},
{
"fingerprint": "x_spamtitan",
"pattern": "<title>SpamTitan</title>"
},
{
"fingerprint": "x_provided_not_valid",
"pattern": "The provided host name is not valid for this server\\."
},
{
"fingerprint": "x_document_moved",
"pattern": "<head><title>Document Moved</title></head>"
},
{
"fingerprint": "x_moved_here",
"pattern": "<p>The document has moved <a href=.*here</a>\\.</p>"
},
{
"fingerprint": "x_azurecdn",
"pattern": "https://df\\.onecloud\\.azure-test\\.net/Error/UE_404"
},
{
"fingerprint": "x_scientology",
"pattern": "<a href=\"https://www\\.scientology\\.org/\">Moved Permanently</a>"
},
{
"fingerprint": "x_virtual_host",
"pattern": "Virtual host not configured"
},
{
"fingerprint": "x_greenpeace",
"pattern": "<html><body>Page moved permanently to (http|https)://www\\.greenpeace\\.org/usa/\\.</body></html>"
},
{
"fingerprint": "x_akamai_errorpage",
"pattern": "<!-- AKAMAI ERROR PAGE -->"
},
{
"fingerprint": "x_azurewebapp",
"pattern": "<title>Microsoft Azure Web App - Error 404</title>"
},
{
"fingerprint": "x_yahooredirect",
"pattern": "<html><body><h1>Moved</h1><p>Please click here <a href=\"https://us\\.yahoo\\.com\">us\\.yahoo\\.com</a>\\.</p></body></html>"
},
{
"fingerprint": "x_unknown_ipaddress",
"pattern": "http://124.40.225.20/"
},
{
"fingerprint": "x_dropbox",
"pattern": "<h1>Error</h1>Something went wrong\\. Don.t worry, your files are still safe and the Dropboxers have been notified\\."
},
{
"fingerprint": "x_tengine",
"pattern": "<p>The requested resource resides temporarily under a different URI\\.</p>"
},
{
"fingerprint": "x_sstatic",
"pattern": "<title>about sstatic\\.net</title>"
},
{
"fingerprint": "x_s3amazonaws",
"pattern": "s3\\.amazonaws\\.com/doc"
},
{
"fingerprint": "x_apple",
"pattern": "Description: The document you requested has moved to a new location\\.  The new location is \"https://www\\.apple\\.com/\"\\."
},
{
"fingerprint": "x_403",
"pattern": "This error message is generated when the web server is trying to access a file that does not exist or has been configured incorrectly"
},
{
"fingerprint": "x_display_error",
"pattern": "<h3>Error! Page cannot be displayed. Please contact service provider for more details.</h3>"
},
{
"fingerprint": "x_file_not_found",
"pattern": "<title>404 - File or directory not found.</title>"
},
{
"fingerprint": "x_everbright",
"pattern": "<title>欢迎光临中国光大银行---网上银行</title>"
},
{
"fingerprint": "x_citicbank",
"pattern": "<title>中信网上银行_理财产品、申请信用卡、个人贷款-中信银行官网</title>"
},
{
"fingerprint": "satellite_fp_apache_config",
"pattern": "The configuration layout for an Apache2 web server installation on Debian systems is as follows"
},
{
"fingerprint": "satellite_fp_cgi_default",
"pattern": "CONTENT=\"0;URL=/cgi-sys/defaultwebpage\\.cgi"
},
{
"fingerprint": "satellite_fp_config1",
"pattern": "<p>Upload your website to get started\\.</p>"
},
{
"fingerprint": "satellite_fp_config2",
"pattern": "<h2>If you are the website administrator:</h2>"
},
{
"fingerprint": "satellite_fp_config3",
"pattern": "<title>Welcome to CentOS</title>"
},
{
"fingerprint": "satellite_fp_config4",
"pattern": "<p>Die gewünschte Domain ist auf diesem Server nicht konfiguriert und kann deshalb nicht angezeigt werden\\.</p>"
},
{
"fingerprint": "satellite_fp_default_site",
"pattern": "<title>Default Site</title>"
},
{
"fingerprint": "satellite_fp_direct_ip1",
"pattern": "<p>You are seeing this page because you have accessed the server directly via it\\'s IP address or used a domain that is not registered on this server (<b>pacy01\\.pacyworld\\.com</b>)\\.</p>"
},
{
"fingerprint": "satellite_fp_elec_embers",
"pattern": "<head><title>Electric Embers-hosted Web site</title></head>"
},
{
"fingerprint": "satellite_fp_400",
"pattern": "<!-- @codegen-command : phps GenerateErrorPages -->"
},
{
"fingerprint": "satellite_fp_401_unauthorized",
"pattern": "<title>401 Unauthorized</title>"
},
{
"fingerprint": "satellite_fp_403",
"pattern": "<p>You don\\'t have permission to access"
},
{
"fingerprint": "satellite_fp_404_1",
"pattern": "<HTML><HEAD><TITLE>Not Found</TITLE>"
},
{
"fingerprint": "satellite_fp_404_2",
"pattern": "<p>The gods are wise, but do not know of the site which you seek\\.</p>"
},
{
"fingerprint": "satellite_fp_502",
"pattern": "<center><h1>502 Bad Gateway</h1></center>"
},
{
"fingerprint": "satellite_fp_503_1",
"pattern": "<title>503 Backend unavailable"
},
{
"fingerprint": "satellite_fp_503_2",
"pattern": "<title>503 hostname doesn't match against certificate</title>"
},
{
"fingerprint": "satellite_fp_503_3",
"pattern": "<title>503 Backend is unhealthy</title>"
},
{
"fingerprint": "satellite_fp_client_address_unknown",
"pattern": "<p>Your client address is unknown\\.</p>"
},
{
"fingerprint": "satellite_fp_config_tmstreet",
"pattern": "<TITLE>TMStreet - Home of Something Great </TITLE>"
},
{
"fingerprint": "satellite_fp_fastly_410",
"pattern": "<script defer src=\"https://www\\.fastly-insights\\.com/static/scout\\.js?"
},
{
"fingerprint": "satellite_fp_fortiadc",
"pattern": "<iframe src=\"/fortiadc_error_page/index\\.html\""
},
{
"fingerprint": "satellite_fp_law_harvard",
"pattern": "<title>adam\\.law\\.harvard\\.edu</title>"
},
{
"fingerprint": "satellite_fp_mimecast",
"pattern": "Unauthorized access, not a valid customer IP</p>"
},
{
"fingerprint": "satellite_fp_nginx_1",
"pattern": "Thank you for using nginx"
},
{
"fingerprint": "satellite_fp_nginx_welcome",
"pattern": "Welcome to nginx!"
},
{
"fingerprint": "satellite_fp_no_page",
"pattern": "<p><strong>There isn't a GitHub Pages site here\\.</strong></p>"
},
{
"fingerprint": "satellite_fp_no_site_found",
"pattern": "<title>Web Site Not Found</title>"
},
{
"fingerprint": "satellite_fp_no_site_found1",
"pattern": "<title>没有找到站点</title>"
},
{
"fingerprint": "satellite_fp_no_site_found2",
"pattern": "There is no website here!"
},
{
"fingerprint": "satellite_fp_no_site_found3",
"pattern": "<p class=\"t1\">Your request did not find this site in the web server!</p>"
},
{
"fingerprint": "satellite_fp_no_site_found4",
"pattern": "<p>We will be back shortly\\.</p>"
},
{
"fingerprint": "satellite_fp_no_site_found5",
"pattern": "content=\"This web address is available for purchase or lease\\. "
},
{
"fingerprint": "satellite_fp_no_site_found6",
"pattern": "<title>Sitio no disponible en este momento\\. Intente m&aacute;s tarde\\.</title>"
},
{
"fingerprint": "satellite_fp_no_site_found7",
"pattern": "Такого домена не существует\\. <br>Может быть, ошибка в адресе? Проверьте еще раз\\."
},
{
"fingerprint": "satellite_fp_no_site_found8",
"pattern": "<title>Site Not Found</title>"
},
{
"fingerprint": "satellite_fp_plesk_1",
"pattern": "<div class=\"page-info-heading\">Web Server's Default Page</div>"
},
{
"fingerprint": "satellite_fp_plesk_2",
"pattern": "<title>Default Parallels Plesk Panel Page</title>"
},
{
"fingerprint": "satellite_fp_queernet",
"pattern": "<TITLE>QueerNet: Home Page</TITLE>"
},
{
"fingerprint": "satellite_fp_taobao_error",
"pattern": "Location: http://err\\.taobao\\.com/error1\\.html"
},
{
"fingerprint": "satellite_fp_wikimedia",
"pattern": "<title>Wikimedia Error</title>"
},
{
"fingerprint": "satellite_fp_wpx",
"pattern": "You have reached the default page at WPX Cloud instance chi01 <br />"
},
{
"fingerprint": "satellite_general2",
"pattern": "Your client does not have permission to get"
},
{
"fingerprint": "satellite_general2",
"pattern": "<h2>This is the default index page of your website\\.</h2>"
},
{
"fingerprint": "satellite_general3",
"pattern": "<meta name=\"description\" content=\"The owner of this domain has not yet uploaded their website\\.\" />"
},
{
"fingerprint": "satellite_general4",
"pattern": "<body><!-- default --></body>"
},
{
"fingerprint": "satellite_fp_iis_config",
"pattern": "<title>IIS Windows Server</title>"
},
{
"fingerprint": "satellite_jfp_s_support",
"pattern": "访问本页面，您的浏览器需要支持JavaScript"
},
{
"fingerprint": "satellite_fp_long_chinese_page_non_censorship",
"pattern": "<title>M R Y T</title>"
},
{
"fingerprint": "satellite_fp_nginx2",
"pattern": "<p>You've successfully started the Nginx Proxy Manager\\.</p>"
},
{
"fingerprint": "satellite_fp_permission1",
"pattern": "<p>Ensure you have sufficient permissions to access this site\\.</p>"
},
{
"fingerprint": "satellite_fp_poland",
"pattern": "<title>Under construction :-\\)</title>"
},
{
"fingerprint": "satellite_fp_safenames",
"pattern": "<title>Domain Registered at Safenames</title>"
},
{
"fingerprint": "satellite_fp_synology",
"pattern": "<title>Hello! Welcome to Synology Web Station!</title>"
},
{
"fingerprint": "satellite_fp_tele_global_lg",
"pattern": "<h1><a id=\"title\" href=\"lg\\.tgg\\.net\\.id\">Tele Globe Global LG</a></h1>"
},
{
"fingerprint": "satellite_fp_test_page",
"pattern": "<title>Test Page for the Nginx HTTP Server on Fedora</title>"
},
{
"fingerprint": "satellite_fp_website_down1",
"pattern": "<p>The fact that you are seeing this page indicates that the website you just visited is either experiencing problems, or is undergoing routine maintenance\\.</p>"
},
{
"fingerprint": "satellite_fp_welcome2",
"pattern": "<title>Apache2 Ubuntu Default Page: It works</title>"
},
{
"fingerprint": "satellite_fp_welcome3",
"pattern": "<h1>Welcome to CentOS</h1>"
},
{
"fingerprint": "satellite_fp_site_repair",
"pattern": "Location: https://r\\.orange\\.fr/r/Oerreur_unavailable"
},
{
"fingerprint": "satellite_fp_404",
"pattern": "<title>Error 404 (Not Found)!!1</title>"
},
{
"fingerprint": "satellite_fp_no_site_found_espiv",
"pattern": "<title> Oops! (200) page by espiv\\.net</title>"
},
{
"fingerprint": "satellite_fp_site_reserved",
"pattern": "Dit webadres is gereserveerd door een klant van <a href='https://greenhost\\.nl/' target='_new'>greenhost"
},
{
"fingerprint": "satellite_fp_no_site_found_9",
"pattern": "<title>Coming Soon</title>"
},
{
"fingerprint": "satellite_fp_welcome_hawk_host",
"pattern": "<title>Hawk Host - Welcome To Hawk Host!</title>"
},
{
"fingerprint": "satellite_fp_cloud_access_config",
"pattern": "<title>CloudAccess\\.net Message</title>"
},
{
"fingerprint": "satellite_fp_maintenace",
"pattern": " <title>MAINTENANCE PAGE</title>"
},
{
"fingerprint": "satellite_fp_welcome_tor",
"pattern": "<TITLE>Welcome to web-fsn"
},
{
"fingerprint": "satellite_fp_parked_domains",
"pattern": "a really cool domain parked on Park\\.io</title>"
},
{
"fingerprint": "satellite_fp_dynamix_host",
"pattern": "<title>Dynamix Host</title>"
},
{
"fingerprint": "satellite_fp_site_default",
"pattern": "<title>Web Server's Default Page</title>"
},
{
"fingerprint": "satellite_fp_welcome_tor_2",
"pattern": "<TITLE>Welcome to polyanthum!</TITLE>"
},
{
"fingerprint": "satellite_fp_no_site_found",
"pattern": "<TITLE>ERROR: No web site here</TITLE>"
},
{
"fingerprint": "satellite_fp_maintenace_wartaekonomi",
"pattern": "<title>Wartaekonomi - Maintenance Landing Page</title>"
},
{
"fingerprint": "satellite_fp_microsoft_internet_service",
"pattern": "<title>Microsoft Internet Information Services"
},
{
"fingerprint": "satellite_fp_domain_expired",
"pattern": "<title>Home - domain expired</title>"
},
{
"fingerprint": "satellite_fp_back_ve",
"pattern": "<title>Banco de Venezuela</title>"
},
{
"fingerprint": "satellite_fp_502",
"pattern": "\"status\":502,\"message\":\"No route known for"
},
{
"fingerprint": "satellite_fp_vhost_404",
"pattern": "<title>404 Vhost unknown\\.</title>"
},
{
"fingerprint": "satellite_fp_no_such_app",
"pattern": "<title>No such app</title>"
},
{
"fingerprint": "satellite_fp_dummy_uk",
"pattern": "Location: http://dummy\\.co\\.uk"
},
{
"fingerprint": "satellite_fp_website_not_active",
"pattern": "<title>Website not active yet</title>"
},
{
"fingerprint": "satellite_fp_facebook_error",
"pattern": "<title>Facebook \\| Error</title>"
},
{
"fingerprint": "satellite_fp_peacefire",
"pattern": "<a href = \"http://www\\.glaad\\.org/documents/media/AccessDenied1\\.pdf\">Access Denied</a>"
},
{
"fingerprint": "satellite_fp_zeronet",
"pattern": "<a href=\"http://127\\.0\\.0\\.1:43110"
},
{
"fingerprint": "satellite_fp_opennet",
"pattern": "<em>Access Denied</em>, <em>Access Controlled</em>, and <em>Access Contested</em>"
},
{
"fingerprint": "satellite_fp_opendns",
"pattern": "<title>Cloud Delivered Enterprise Security by OpenDNS</title>"
},
{
"fingerprint": "satellite_fp_nginx_amazon",
"pattern": "<title>Test Page for the Nginx HTTP Server on the Amazon Linux AMI</title>"
}
];
